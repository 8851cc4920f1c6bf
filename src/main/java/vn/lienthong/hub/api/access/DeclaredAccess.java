package vn.lienthong.hub.api.access;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import vn.lienthong.hub.connector.CatalogueService;
import vn.lienthong.hub.connector.ConnectorCatalogue;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.HubOperation;
import vn.lienthong.hub.exchange.HubService;
import vn.lienthong.hub.exchange.HubServices;
import vn.lienthong.hub.exchange.ServiceGateway;

/**
 * The one access check of the edge: before a handler runs, its {@link HubOperation} declaration is resolved to the
 * service it serves and the caller is authorized for it ({@link ServiceGateway#authorize}: the grant, the quotas, user
 * and purpose for personal data). REST handlers reach it through {@link RestAccessInterceptor}, SOAP operations
 * through {@link SoapAccessInterceptor}, the queue intake through {@link IntakeAccessAdvisor}; handlers never call it.
 * A handler of an edge exchange without a declaration is refused (403), never served.
 */
@Component
public class DeclaredAccess {

    /** The path variable a {@link HubOperation#CATALOGUE} declaration takes the service code from. */
    public static final String SERVICE_CODE = "serviceCode";

    private static final Logger log = LoggerFactory.getLogger(DeclaredAccess.class);

    /** Handler methods do not change: each one's declaration is looked up once (annotation merging is costly). */
    private static final Map<Method, Optional<HubOperation>> DECLARATIONS = new ConcurrentHashMap<>();

    private final ServiceGateway gateway;
    private final ConnectorCatalogue catalogue;

    public DeclaredAccess(ServiceGateway gateway, ConnectorCatalogue catalogue) {
        this.gateway = gateway;
        this.catalogue = catalogue;
    }

    /** The declaration of a handler method (on the method of its own class, not a proxy's or an interface's). */
    public static Optional<HubOperation> declarationOf(Method handler) {
        return DECLARATIONS.computeIfAbsent(handler,
                method -> Optional.ofNullable(AnnotatedElementUtils.findMergedAnnotation(method, HubOperation.class)));
    }

    /** The declaration of the method of {@code type} that implements {@code method} (a SOAP port type's operation). */
    public static Optional<HubOperation> declarationOf(Class<?> type, Method method) {
        Method own = ClassUtils.getMostSpecificMethod(method, ClassUtils.getUserClass(type));
        return declarationOf(own);
    }

    /**
     * The service a declaration names: one of {@link HubServices#ALL}, or the connector service of the path variable
     * {@link #SERVICE_CODE}.
     *
     * @throws HubException {@code UNKNOWN_SERVICE} for a catalogue service that does not exist
     * @throws IllegalStateException for a declaration that names no known service (a programming error)
     */
    public HubService resolve(HubOperation declaration, UnaryOperator<String> pathVariables) {
        if (HubOperation.CATALOGUE.equals(declaration.service())) {
            String code = pathVariables.apply(SERVICE_CODE);
            return catalogue.find(code == null ? "" : code).map(CatalogueService::hubService)
                    .orElseThrow(() -> new UnknownService(code, declaration.operation()));
        }
        return HubServices.find(declaration.service(), declaration.operation()).orElseThrow(() ->
                new IllegalStateException("@HubOperation(" + declaration.service() + ", " + declaration.operation()
                        + ") names no service of HubServices.ALL"));
    }

    /**
     * Authorizes the exchange for the handler about to run.
     *
     * @param context the edge's context, null when the edge did not take the request (paths outside /api and /soap,
     *                the public contracts)
     */
    public void check(Method handler, Optional<HubOperation> declaration, ExchangeContext context,
            UnaryOperator<String> pathVariables) {
        if (declaration.isEmpty()) {
            if (context != null) {
                log.error("Handler {} declares no @HubOperation: refused", handler);
                context.service("undeclared", handler.getName());
                throw new HubException(ErrorCode.ACCESS_DENIED, "this operation is not declared; it is not served");
            }
            return;
        }
        HubService service;
        try {
            service = resolve(declaration.get(), pathVariables);
        } catch (UnknownService e) {
            if (context != null) {
                context.service(e.code, e.operation);
            }
            throw new HubException(ErrorCode.UNKNOWN_SERVICE, "no service '" + e.code + "'; GET /api/v1/services lists them");
        }
        if (context == null) {
            if (HubService.PUBLIC.equals(service.category())) {
                return;
            }
            // only the edge creates contexts: a declared, non-public handler reached without it is refused
            throw new HubException(ErrorCode.UNAUTHENTICATED, "authentication is required");
        }
        gateway.authorize(context, service);
    }

    private static final class UnknownService extends RuntimeException {

        private final String code;
        private final String operation;

        UnknownService(String code, String operation) {
            super(null, null, false, false);
            this.code = code;
            this.operation = operation;
        }
    }
}
