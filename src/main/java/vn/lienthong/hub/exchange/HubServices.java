package vn.lienthong.hub.exchange;

/** The services the edge offers with a typed contract; the REST and SOAP surfaces share them. */
public final class HubServices {

    public static final HubService CITIZEN_LOOKUP =
            new HubService("data", "citizen-lookup", "LookupCitizen", "direct:citizen-lookup", true);

    /** The enterprise flow (routes/enterprise/enterprise-lookup.camel.yaml) over the business registration connector. */
    public static final HubService ENTERPRISE_LOOKUP =
            new HubService("data", "enterprise-lookup", "LookupEnterprise", "direct:enterprise-lookup", false);

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

    /** Create or update a dossier at the national portal (accepted durably, delivered asynchronously). */
    public static final HubService DOSSIER_SUBMIT =
            new HubService("dossier", "dossier-sync", "DongBoHoSoMC", "direct:dossier-accept", false);

    /** A processing step of a dossier for the national portal. */
    public static final HubService DOSSIER_PROGRESS =
            new HubService("dossier", "dossier-sync", "CapNhatTienDoHoSoMC", "direct:dossier-accept", false);

    /** Synchronisation state of one dossier. */
    public static final HubService DOSSIER_SYNC_STATE =
            new HubService("dossier", "dossier-sync", "GetSyncState", null, false);

    /** An operator switching this instance's maintenance mode (readiness 503 with a reason). */
    public static final HubService MAINTENANCE =
            new HubService("operations", "maintenance", "Maintenance", null, false);

    /** Operators: list and replay the national-portal connector's dead letters. */
    public static final HubService DOSSIER_DEAD_LETTERS =
            new HubService("dossier-admin", "dead-letters", "DeadLetters", null, false);

    /** Inspectors: national service index figures (share synchronised, share on time, late dossiers). */
    public static final HubService DOSSIER_STATISTICS =
            new HubService("dossier-report", "national-index", "DossierStatistics", null, false);

    /** Online payment of a dossier's fees through the national payment platform (routes/payment/payment-request.camel.yaml). */
    public static final HubService PAYMENT_REQUEST =
            new HubService("payment", "online-payment", "TaoYeuCauThanhToan", "direct:payment-request", false);

    /** The payment state of a dossier. */
    public static final HubService PAYMENT_STATE =
            new HubService("payment", "online-payment", "TraCuuThanhToan", null, false);

    /** A result posted by the national payment platform (routes/payment/payment-callback.camel.yaml). */
    public static final HubService PAYMENT_CALLBACK =
            new HubService("payment-callback", "online-payment", "KetQuaThanhToan", "direct:payment-callback", false);

    private HubServices() {
    }
}
