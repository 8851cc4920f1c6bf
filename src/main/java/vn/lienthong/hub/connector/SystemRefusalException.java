package vn.lienthong.hub.connector;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.NationalFailure;

/**
 * A national or sector system that refused the request with an error of its own, which its connector's
 * {@code connector.yaml} does not declare: 502 NATIONAL_SYSTEM_ERROR, not retried. Made for Kamelets, which raise it with
 * Camel's {@code throwException} EIP, keeping the system's own message in the detail:
 * <pre>
 * - throwException:
 *     exceptionType: vn.lienthong.hub.connector.SystemRefusalException
 *     message: "the population database answered error_code ${body[error_code]}: ${body[message]}"
 * </pre>
 */
public class SystemRefusalException extends NationalFailure {

    public SystemRefusalException(String detail) {
        super(ErrorCode.NATIONAL_SYSTEM_ERROR, detail, false);
    }
}
