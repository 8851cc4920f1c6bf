package vn.lienthong.hub.audit.query;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The auditors' console is static files under {@code /console/}; its address without a file name opens the page, and
 * {@code /console/inspection} opens the inspectors' page (remote inspection).
 */
@Configuration
public class ConsoleSetup implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/console", "/console/");
        registry.addViewController("/console/").setViewName("forward:/console/index.html");
        registry.addViewController("/console/inspection").setViewName("forward:/console/inspection.html");
    }
}
