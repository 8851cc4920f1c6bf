package vn.lienthong.hub.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.lang.reflect.Method;
import java.util.List;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import vn.lienthong.hub.connector.ConnectorCatalogue;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.HubOperation;
import vn.lienthong.hub.exchange.HubServices;
import vn.lienthong.hub.exchange.ServiceGateway;
import vn.lienthong.hub.exchange.SubjectKeyProperties;
import vn.lienthong.hub.exchange.SubjectReferences;
import vn.lienthong.hub.security.AccessPolicy;
import vn.lienthong.hub.security.ApiClient;
import vn.lienthong.hub.security.ClientQuotas;
import vn.lienthong.hub.security.DataScopeProperties;
import vn.lienthong.hub.security.DataScopes;
import vn.lienthong.hub.security.FairUseProperties;
import vn.lienthong.hub.security.QuotaLimits;
import vn.lienthong.hub.security.SecurityProperties;

/** The decisions of the declared-access check, without a running hub. */
class DeclaredAccessTest {

    private final ProducerTemplate producer = mock(ProducerTemplate.class);
    private final ServiceGateway gateway = new ServiceGateway(producer, new AccessPolicy(),
            new SubjectReferences(new SubjectKeyProperties("a-subject-key-for-the-test")),
            new ClientQuotas(new FairUseProperties(false, new QuotaLimits(0, null, 0), null),
                    new SecurityProperties(List.of()), new SimpleMeterRegistry()),
            new DataScopes(new DataScopeProperties(null, null), new SecurityProperties(List.of())),
            new com.fasterxml.jackson.databind.ObjectMapper());
    private final DeclaredAccess access = new DeclaredAccess(gateway, mock(ConnectorCatalogue.class));

    static class Handlers {
        @HubOperation(service = "message-log", operation = "SearchMessageLog")
        public void search() {
        }

        @HubOperation(service = "contract", operation = "GetOpenApi")
        public void contract() {
        }

        @HubOperation(service = "message-log", operation = "NoSuchOperation")
        public void misdeclared() {
        }

        public void undeclared() {
        }
    }

    private static Method handler(String name) throws NoSuchMethodException {
        return Handlers.class.getMethod(name);
    }

    private static ExchangeContext context(String... grants) {
        ExchangeContext context = new ExchangeContext("t-1", "REST");
        context.client(new ApiClient("000.00.00.H22:TEST", "test", List.of(grants)));
        return context;
    }

    private void check(String name, ExchangeContext context) throws NoSuchMethodException {
        access.check(handler(name), DeclaredAccess.declarationOf(handler(name)), context, variable -> null);
    }

    @Test
    void grantsTheDeclaredService_andNamesItForTheMessageLog() throws Exception {
        ExchangeContext context = context("audit:*");
        check("search", context);
        assertThat(context.authorized()).isEqualTo(HubServices.AUDIT_READ);
        assertThat(context.service()).isEqualTo("message-log");
        assertThat(context.operation()).isEqualTo("SearchMessageLog");
    }

    @Test
    void refusesAClientWithoutTheGrant_recordingTheDeclaredOperation() throws Exception {
        ExchangeContext context = context("data:*");
        assertThatThrownBy(() -> check("search", context)).isInstanceOfSatisfying(HubException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.ACCESS_DENIED));
        assertThat(context.operation()).isEqualTo("SearchMessageLog");
        assertThat(context.authorized()).isNull();
    }

    @Test
    void refusesAnUndeclaredHandlerOfAnEdgeExchange_evenForAClientWithEveryGrant() throws Exception {
        ExchangeContext context = context("audit:*", "data:*", "dossier:*", "prefill:*");
        assertThatThrownBy(() -> check("undeclared", context)).isInstanceOfSatisfying(HubException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.ACCESS_DENIED));
        // outside the edge (no context: the console's pages, the error page) an undeclared handler is not the edge's
        check("undeclared", null);
    }

    @Test
    void aDeclaredHandlerReachedWithoutTheEdge_isRefusedUnlessPublic() throws Exception {
        assertThatThrownBy(() -> check("search", null)).isInstanceOfSatisfying(HubException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
        check("contract", null);
    }

    @Test
    void aDeclarationOfNoKnownService_failsClosed() {
        assertThatThrownBy(() -> check("misdeclared", context("audit:*"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theGatewayRunsNoFlowForAnExchangeNotAuthorizedForThatService() throws Exception {
        ExchangeContext notChecked = context("data:*");
        assertThatThrownBy(() -> gateway.call(notChecked, HubServices.CITIZEN_LOOKUP, () -> "request", Object.class))
                .isInstanceOfSatisfying(HubException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ACCESS_DENIED));
        ExchangeContext otherService = context("audit:*", "data:*");
        check("search", otherService);
        assertThatThrownBy(() -> gateway.call(otherService, HubServices.CITIZEN_LOOKUP, () -> "request", Object.class))
                .isInstanceOf(HubException.class);
        verify(producer, never()).send(org.mockito.ArgumentMatchers.anyString(),
                org.mockito.ArgumentMatchers.any(org.apache.camel.Exchange.class));
    }
}
