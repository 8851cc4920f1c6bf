package vn.lienthong.hub.api;

import vn.lienthong.hub.exchange.HubService;

/** The services the edge offers with a typed contract; the REST and SOAP surfaces share them. */
public final class HubServices {

    public static final HubService CITIZEN_LOOKUP =
            new HubService("data", "citizen-lookup", "LookupCitizen", "direct:citizen-lookup", true);

    public static final HubService AUDIT_READ =
            new HubService("audit", "message-log", "SearchMessageLog", null, false);

    private HubServices() {
    }
}
