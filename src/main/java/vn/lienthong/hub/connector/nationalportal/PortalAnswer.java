package vn.lienthong.hub.connector.nationalportal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the portal answered to a successful call.
 *
 * @param errorCode  "0" or "00"
 * @param httpStatus the HTTP status of the last request
 * @param sentAsUpdate true when a create met "already exists" (3/-3) and was sent again as an update
 * @param data       the answer's {@code data} (TraCuuHoSo), or null
 */
public record PortalAnswer(String errorCode, int httpStatus, boolean sentAsUpdate, JsonNode data) {
}
