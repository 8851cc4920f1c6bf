package vn.lienthong.hub.exchange;

import java.util.List;
import java.util.Optional;

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

    /** An operator reading this instance's maintenance mode. */
    public static final HubService MAINTENANCE_STATE =
            new HubService("operations", "maintenance", "state", null, false);

    /** An operator switching this instance's maintenance mode on (readiness 503 with a reason). */
    public static final HubService MAINTENANCE_ON =
            new HubService("operations", "maintenance", "on", null, false);

    /** An operator switching this instance's maintenance mode off. */
    public static final HubService MAINTENANCE_OFF =
            new HubService("operations", "maintenance", "off", null, false);

    /** Operators: list and replay the national-portal connector's dead letters. */
    public static final HubService DOSSIER_DEAD_LETTERS =
            new HubService("dossier-admin", "dead-letters", "DeadLetters", null, false);

    /** Operators: take a dead event out for good, with a reason. */
    public static final HubService DOSSIER_DEAD_LETTER_DISCARD =
            new HubService("dossier-admin", "dead-letters", "discard", null, false);

    /** Inspectors: national service index figures (share synchronised, share on time, late dossiers). */
    public static final HubService DOSSIER_STATISTICS =
            new HubService("dossier-report", "national-index", "DossierStatistics", null, false);

    /** Remote inspection (kiểm tra từ xa): the late list with department and officer, CSV export. */
    public static final HubService INSPECTION_LATE =
            new HubService("inspection", "late-dossiers", "LateDossiers", null, false);

    /** Remote inspection: the national service index figures per agency, procedure and month. */
    public static final HubService INSPECTION_FIGURES =
            new HubService("inspection", "index-figures", "IndexFigures", null, false);

    /** Remote inspection: use of the population database per agency system, officer and month (from the message log). */
    public static final HubService INSPECTION_POPULATION_USE =
            new HubService("inspection", "population-use", "PopulationDatabaseUse", null, false);

    /** Online payment of a dossier's fees through the national payment platform (routes/payment/payment-request.camel.yaml). */
    public static final HubService PAYMENT_REQUEST =
            new HubService("payment", "online-payment", "TaoYeuCauThanhToan", "direct:payment-request", false);

    /** The payment state of a dossier. */
    public static final HubService PAYMENT_STATE =
            new HubService("payment", "online-payment", "TraCuuThanhToan", null, false);

    /** A result posted by the national payment platform (routes/payment/payment-callback.camel.yaml). */
    public static final HubService PAYMENT_CALLBACK =
            new HubService("payment-callback", "online-payment", "KetQuaThanhToan", "direct:payment-callback", false);

    /** Open statistics (opendata.OpenStatistics), public without a key. */
    public static final HubService OPEN_STATISTICS =
            new HubService(HubService.PUBLIC, "open-data", "OpenStatistics", null, false);

    /** Verification of the signatures of a PDF document (signature.DocumentController, docs/signatures.md). */
    public static final HubService DOCUMENT_VERIFY =
            new HubService("document", "signature-verification", "VerifySignatures", null, false);

    /**
     * Verification of a digitised paper the national store holds, by its reference
     * (routes/signature/paper-verification.camel.yaml, docs/signatures.md).
     */
    public static final HubService PAPER_VERIFY =
            new HubService("document", "paper-verification", "VerifyPaper", "direct:paper-verification", true);

    /** The certificate of the hub's seal, for every authenticated client (docs/signatures.md). */
    public static final HubService SEAL_CERTIFICATE =
            new HubService(HubService.ANY_CLIENT, "seal", "GetSealCertificate", null, false);

    /** The catalogue of connector services, for every authenticated client. */
    public static final HubService LIST_SERVICES =
            new HubService(HubService.ANY_CLIENT, "service-catalogue", "ListServices", null, false);

    /** The connector services the caller may call. */
    public static final HubService LIST_ALLOWED_SERVICES =
            new HubService(HubService.ANY_CLIENT, "service-catalogue", "ListAllowedServices", null, false);

    /** The procedures the pre-fill knows. */
    public static final HubService PREFILL_PROCEDURES =
            new HubService(HubService.ANY_CLIENT, "prefill-procedures", "ListProcedures", null, false);

    /** The REST contract (public, like the WSDLs). */
    public static final HubService OPENAPI_CONTRACT =
            new HubService(HubService.PUBLIC, "contract", "GetOpenApi", null, false);

    /** The error page the container forwards its own errors to (answered as problem+json or a SOAP fault). */
    public static final HubService ERROR_PAGE =
            new HubService(HubService.PUBLIC, "error-page", "ErrorPage", null, false);

    /** Every service a handler may declare with {@link HubOperation}, besides the connector catalogue's. */
    public static final List<HubService> ALL = List.of(CITIZEN_LOOKUP, ENTERPRISE_LOOKUP, PREFILL, AUDIT_READ, AUDIT_TRACE,
            AUDIT_VERIFY, AUDIT_EXPORT, AUDIT_STATISTICS, DOSSIER_SUBMIT, DOSSIER_PROGRESS, DOSSIER_SYNC_STATE,
            DOSSIER_DEAD_LETTERS, DOSSIER_DEAD_LETTER_DISCARD, DOSSIER_STATISTICS, LIST_SERVICES, LIST_ALLOWED_SERVICES,
            PREFILL_PROCEDURES, OPENAPI_CONTRACT, ERROR_PAGE, MAINTENANCE_STATE, MAINTENANCE_ON, MAINTENANCE_OFF, INSPECTION_LATE,
            INSPECTION_FIGURES, INSPECTION_POPULATION_USE, PAYMENT_REQUEST, PAYMENT_STATE, PAYMENT_CALLBACK, OPEN_STATISTICS,
            DOCUMENT_VERIFY, PAPER_VERIFY, SEAL_CERTIFICATE);

    /** The service a declaration names, if it names one of {@link #ALL}. */
    public static Optional<HubService> find(String code, String operation) {
        return ALL.stream().filter(s -> s.code().equals(code) && s.operation().equals(operation)).findFirst();
    }

    private HubServices() {
    }
}
