package vn.lienthong.hub.api;

import vn.lienthong.hub.exchange.HubException;

/** The body of every REST error, {@code application/problem+json} (RFC 9457) plus the hub's code and transaction id. */
public record Problem(String type, String title, int status, String detail, String code, String transactionId) {

    public static Problem of(HubException e, String transactionId) {
        return new Problem(e.code().type(), e.code().title(), e.code().status(), e.detail(), e.code().name(), transactionId);
    }
}
