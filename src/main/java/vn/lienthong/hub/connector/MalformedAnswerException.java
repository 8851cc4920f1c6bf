package vn.lienthong.hub.connector;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;

/**
 * An answer of a national or sector system that its connector cannot read: 502 NATIONAL_MALFORMED_ANSWER. Made for
 * Kamelets, which raise it with Camel's {@code throwException} EIP and a message of their own:
 * <pre>
 * - throwException:
 *     exceptionType: vn.lienthong.hub.connector.MalformedAnswerException
 *     message: "the answer lacks error_code or message"
 * </pre>
 */
public class MalformedAnswerException extends HubException {

    public MalformedAnswerException(String detail) {
        super(ErrorCode.NATIONAL_MALFORMED_ANSWER, detail);
    }
}
