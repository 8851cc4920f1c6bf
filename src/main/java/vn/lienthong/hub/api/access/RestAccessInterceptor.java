package vn.lienthong.hub.api.access;

import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import vn.lienthong.hub.exchange.ExchangeContext;

/**
 * Puts {@link DeclaredAccess} in front of every REST handler method: it runs once the handler is known and before its
 * arguments are read, so a caller without the right learns nothing from the body's validation. A refusal is thrown as
 * the hub's error and answered problem+json by the REST error handler, and recorded by the edge like any answer.
 */
@Configuration
public class RestAccessInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final DeclaredAccess access;

    public RestAccessInterceptor(DeclaredAccess access) {
        this.access = access;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // only the request itself: an error dispatch (the container's error page for a failure already answered,
        // e.g. a body that timed out) is not a call of an operation
        if (request.getDispatcherType() == DispatcherType.REQUEST && handler instanceof HandlerMethod method) {
            @SuppressWarnings("unchecked")
            Map<String, String> variables = (Map<String, String>) request.getAttribute(
                    HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            access.check(method.getMethod(), DeclaredAccess.declarationOf(method.getMethod()),
                    (ExchangeContext) request.getAttribute(ExchangeContext.ATTRIBUTE),
                    name -> variables == null ? null : variables.get(name));
        }
        return true;
    }
}
