package vn.lienthong.hub.connector;

import java.io.ByteArrayInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * Reads XML and SOAP answers for the {@code xpath} rules of a connector's {@code errors:}: namespace-aware, no DOCTYPE,
 * no external entity. Expressions are XPath 1.0 (the JDK's); name elements by local name, e.g.
 * {@code //*[local-name()='MaLoi']}, so the rule does not depend on the system's prefixes.
 */
final class XmlAnswers {

    private XmlAnswers() {
    }

    /** Whether the bytes look like an XML document (first non-blank character {@code <}). */
    static boolean looksLikeXml(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '<') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }

    /** The parsed answer, or null when it is not well-formed XML (the transform then decides it is malformed). */
    static Document parse(byte[] bytes) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            return null;
        }
    }

    static XPathExpression compile(String expression, String where) {
        try {
            return XPathFactory.newInstance().newXPath().compile(expression);
        } catch (XPathExpressionException e) {
            throw new IllegalStateException(where + ": errors rule XPath '" + expression + "' does not compile");
        }
    }

    /** The trimmed text of the first node the expression selects, or null when it selects none or only blanks. */
    static String text(Document document, String expression) {
        try {
            Node node = (Node) compile(expression, "xpath").evaluate(document, XPathConstants.NODE);
            if (node == null) {
                return null;
            }
            String text = node.getTextContent();
            return text == null || text.isBlank() ? null : text.strip();
        } catch (XPathExpressionException e) {
            return null;
        }
    }
}
