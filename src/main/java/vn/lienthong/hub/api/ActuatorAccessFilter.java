package vn.lienthong.hub.api;

import java.io.IOException;
import java.security.Principal;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.lienthong.hub.audit.MessageLogRecord;
import vn.lienthong.hub.audit.Outcome;
import vn.lienthong.hub.audit.log.MessageLog;
import vn.lienthong.hub.config.HubProperties;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.TransactionIds;
import vn.lienthong.hub.security.AccessPolicy;
import vn.lienthong.hub.security.ApiClient;

/**
 * The actuator on the application port: the health probes ({@code /actuator/health}, {@code …/liveness},
 * {@code …/readiness}) answer their status to anyone, as load balancers and orchestrators need; their details, the
 * metrics ({@code /actuator/prometheus}) and every other endpoint only to a client granted {@code operations:*}
 * ({@code X-API-Key}), which the actuator then sees as a user in role {@code OPERATOR}. A deployment that moves the
 * actuator to its own port ({@code HUB_MANAGEMENT_PORT}) keeps that port on an operations network.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class ActuatorAccessFilter extends OncePerRequestFilter {

    public static final String OPERATOR_ROLE = "OPERATOR";
    static final Set<String> PUBLIC = Set.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness");

    private final EdgeAuthentication authentication;
    private final AccessPolicy policy;
    private final ErrorResponses errors;
    private final MessageLog messageLog;
    private final HubProperties hub;

    public ActuatorAccessFilter(EdgeAuthentication authentication, AccessPolicy policy, ErrorResponses errors,
            MessageLog messageLog, HubProperties hub) {
        this.messageLog = messageLog;
        this.hub = hub;
        this.authentication = authentication;
        this.policy = policy;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = EdgePaths.resolve(EdgeFilter.pathOf(request));
        return !(path.equals("/actuator") || path.startsWith("/actuator/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String raw = EdgeFilter.pathOf(request);
        Optional<ApiClient> client = authentication.authenticate(request).client();
        if (client.isPresent() && policy.allows(client.get(), "operations", "actuator")) {
            if (isContract(raw)) {
                // the contract and its Swagger UI are read like any exchange: recorded, successful or not
                ExchangeContext context = new ExchangeContext(TransactionIds.generate(), "REST");
                response.setHeader(EdgeFilter.TRANSACTION_ID, context.transactionId());
                try {
                    chain.doFilter(new Operator(request, client.get()), response);
                } finally {
                    record(context, client, raw, response.getStatus(), null);
                }
                return;
            }
            chain.doFilter(new Operator(request, client.get()), response);
            return;
        }
        if (EdgePaths.isPlain(raw) && PUBLIC.contains(raw) && "GET".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        ExchangeContext context = new ExchangeContext(TransactionIds.generate(), "REST");
        response.setHeader(EdgeFilter.TRANSACTION_ID, context.transactionId());
        HubException refusal = client.isEmpty()
                ? new HubException(ErrorCode.UNAUTHENTICATED, "operations endpoints need the X-API-Key of an operator")
                : new HubException(ErrorCode.ACCESS_DENIED, "operations endpoints are for clients granted operations:*");
        errors.write(response, context, refusal);
        record(context, client, raw, refusal.code().status(), refusal);
    }

    /** The hub's contract and its Swagger UI ({@code /actuator/contract}, {@code /actuator/swagger-ui/**}, web jars). */
    static boolean isContract(String rawPath) {
        String path = EdgePaths.resolve(rawPath);
        return path.equals("/actuator/contract") || path.startsWith("/actuator/contract/")
                || path.equals("/actuator/swagger-ui") || path.startsWith("/actuator/swagger-ui/")
                || path.startsWith("/actuator/webjars/");
    }

    /**
     * A refused call of the operations endpoints, and every call of the contract and its Swagger UI, is recorded like
     * an exchange at the edge (service actuator).
     */
    private void record(ExchangeContext context, Optional<ApiClient> client, String path, int status, HubException refusal) {
        try {
            messageLog.append(new MessageLogRecord(null, "EXCHANGE", context.transactionId(), hub.instanceId(), "REST",
                    client.map(ApiClient::id).orElse(null), null, null, "actuator",
                    path.length() > 128 ? path.substring(0, 128) : path, null, Outcome.fromStatus(status),
                    refusal == null ? null : refusal.code().name(), refusal == null ? null : refusal.detail(), status,
                    context.timeIn(), Instant.now(), context.elapsedMillis(), null, null));
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ActuatorAccessFilter.class)
                    .error("Message log write failed for transaction {}", context.transactionId(), e);
        }
    }

    /** The request as the actuator sees it: made by the operator client, in role OPERATOR. */
    private static final class Operator extends HttpServletRequestWrapper {

        private final ApiClient client;

        Operator(HttpServletRequest request, ApiClient client) {
            super(request);
            this.client = client;
        }

        @Override
        public Principal getUserPrincipal() {
            return client::id;
        }

        @Override
        public String getRemoteUser() {
            return client.id();
        }

        @Override
        public boolean isUserInRole(String role) {
            return OPERATOR_ROLE.equals(role);
        }
    }
}
