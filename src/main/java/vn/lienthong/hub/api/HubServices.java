package vn.lienthong.hub.api;

import vn.lienthong.hub.exchange.HubService;

/** The services the edge offers with a typed contract; the REST and SOAP surfaces share them. */
public final class HubServices {

    public static final HubService CITIZEN_LOOKUP =
            new HubService("data", "citizen-lookup", "LookupCitizen", "direct:citizen-lookup", true);

    /** Served by the business registration connector's catalogue route (connectors/business/connector.yaml). */
    public static final HubService ENTERPRISE_LOOKUP =
            new HubService("data", "enterprise-lookup", "LookupEnterprise", "direct:service-enterprise-lookup", false);

    /** Once-only pre-fill of a procedure's form from every source it names (routes/prefill/prefill.camel.yaml). */
    public static final HubService PREFILL =
            new HubService("prefill", "prefill", "Prefill", "direct:prefill", true);

    public static final HubService AUDIT_READ =
            new HubService("audit", "message-log", "SearchMessageLog", null, false);

    public static final HubService AUDIT_TRACE =
            new HubService("audit", "message-log", "TraceTransaction", null, false);

    public static final HubService AUDIT_VERIFY =
            new HubService("audit", "message-log", "VerifyChain", null, false);

    public static final HubService AUDIT_EXPORT =
            new HubService("audit", "message-log", "ExportMessageLog", null, false);

    public static final HubService AUDIT_STATISTICS =
            new HubService("audit", "message-log", "UsageStatistics", null, false);

    private HubServices() {
    }
}
