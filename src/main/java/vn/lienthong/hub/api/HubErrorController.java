package vn.lienthong.hub.api;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.HubOperation;
import vn.lienthong.hub.exchange.TransactionIds;

/**
 * The page the container forwards its own errors to (Spring Boot's {@code /error}), in the hub's words: a body that
 * stopped arriving (Tomcat's 408 while the handler read it) or any other error the container raises after the edge
 * took the request is answered problem+json (a SOAP fault under {@code /soap}) with the exchange's transaction id,
 * never Spring Boot's default JSON or a container page. The edge records the exchange as for any answer.
 */
@RestController
public class HubErrorController implements ErrorController {

    private final ErrorResponses errors;

    public HubErrorController(ErrorResponses errors) {
        this.errors = errors;
    }

    @HubOperation(service = "error-page", operation = "ErrorPage")
    @RequestMapping("${server.error.path:${error.path:/error}}")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return; // the handler's answer is already on its way (the hub's own error, for instance)
        }
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code
                : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        ExchangeContext context = (ExchangeContext) request.getAttribute(ExchangeContext.ATTRIBUTE);
        if (context == null) {
            context = new ExchangeContext(TransactionIds.generate(), EdgePaths.REST);
            response.setHeader(EdgeFilter.TRANSACTION_ID, context.transactionId());
        }
        HubException error = context.errorCode() != null && context.errorCode().status() == status
                ? new HubException(context.errorCode(), context.errorText())
                : ContainerErrorValve.refusal(status);
        errors.write(response, context, error);
    }
}
