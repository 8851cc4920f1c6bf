package vn.lienthong.hub.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.QuotaExceededException;
import vn.lienthong.hub.exchange.ServiceGateway;

/**
 * Fair use at the edge, for every REST and SOAP request that passed authentication: the client's quota over all its
 * calls is taken here, before the body is read, so a busy client is answered 429 with {@code Retry-After} at once
 * (and logged by the {@link EdgeFilter} like every refusal) and holds no more than its concurrency quota of the hub's
 * workers; the quota per service is taken by the {@link ServiceGateway} once the service is known. The body must arrive
 * within {@code hub.edge.slow-clients.body-timeout} of the request, so a slow sender cannot hold a worker for long.
 * Whatever the exchange held is given back when it ends.
 *
 * <p>Ordered after authentication (the edge filter, and any authentication filter at the usual order -100).
 */
@Component
@Order(FairUseFilter.ORDER)
public class FairUseFilter extends OncePerRequestFilter {

    static final int ORDER = 0;

    private final ServiceGateway gateway;
    private final ErrorResponses errors;
    private final SlowClientProperties slowClients;

    public FairUseFilter(ServiceGateway gateway, ErrorResponses errors, SlowClientProperties slowClients) {
        this.gateway = gateway;
        this.errors = errors;
        this.slowClients = slowClients;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ExchangeContext context = (ExchangeContext) request.getAttribute(ExchangeContext.ATTRIBUTE);
        if (context == null) {
            chain.doFilter(request, response);
            return;
        }
        try {
            try {
                gateway.admit(context);
            } catch (QuotaExceededException e) {
                errors.write(response, context, e);
                return;
            }
            chain.doFilter(new BodyDeadlineRequest(request, slowClients.bodyTimeout()), response);
        } finally {
            context.end();
        }
    }
}
