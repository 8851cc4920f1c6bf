package vn.lienthong.hub.connector;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import javax.xml.XMLConstants;

import org.apache.camel.component.xslt.saxon.XsltSaxonComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import net.sf.saxon.lib.Feature;

/**
 * The XML parser settings of every connector's XSLT ({@code xslt-saxon}): documents a stylesheet parses itself, such as
 * XML carried inside a JSON answer ({@code parse-xml}), may not declare a DOCTYPE, so no external entity or DTD is ever
 * fetched. The answer bodies themselves are parsed by Camel's StAX reader, which has no
 * external entities either.
 */
@Configuration(proxyBeanMethods = false)
public class XmlTransformsConfig {

    /** A Saxon configuration whose parsers refuse DOCTYPE declarations and external entities. */
    public static net.sf.saxon.Configuration secureSaxon() {
        net.sf.saxon.Configuration saxon = new net.sf.saxon.Configuration();
        parserFeature(saxon, "http://apache.org/xml/features/disallow-doctype-decl", true);
        parserFeature(saxon, "http://xml.org/sax/features/external-general-entities", false);
        parserFeature(saxon, "http://xml.org/sax/features/external-parameter-entities", false);
        parserFeature(saxon, "http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        parserFeature(saxon, XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return saxon;
    }

    private static void parserFeature(net.sf.saxon.Configuration saxon, String feature, boolean value) {
        saxon.setConfigurationProperty(Feature.XML_PARSER_FEATURE.name + URLEncoder.encode(feature, StandardCharsets.UTF_8),
                value);
    }

    @Bean
    ComponentCustomizer secureXsltSaxon() {
        return ComponentCustomizer.forType(XsltSaxonComponent.class, component -> component.setSaxonConfiguration(secureSaxon()));
    }
}
