package vn.lienthong.hub.dossier;

import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.lienthong.hub.audit.MessageLogRecord;
import vn.lienthong.hub.audit.Outcome;
import vn.lienthong.hub.audit.log.MessageLog;
import vn.lienthong.hub.config.HubProperties;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.security.BrokerRefusalLog;

/**
 * What the embedded broker refuses goes into the message log like a refused HTTP request: one {@code EXCHANGE} record,
 * channel {@code AMQP}, service {@value #SERVICE}, outcome {@code DENIED}, for a refused login (401
 * {@code UNAUTHENTICATED}, no client: the claimed user name is in the reason), an action the agency's role does not
 * allow (403 {@code ACCESS_DENIED}: consume, browse, send elsewhere than the inbound queue, create a queue) and a send
 * under another agency's key. Written without waiting for the commit, so a broker thread never waits on the database.
 */
@Component
public class BrokerRefusalRecorder implements BrokerRefusalLog {

    /** The service of the records. */
    public static final String SERVICE = "broker";

    private static final Logger log = LoggerFactory.getLogger(BrokerRefusalRecorder.class);

    private final MessageLog messageLog;
    private final String instanceId;

    public BrokerRefusalRecorder(MessageLog messageLog, HubProperties hub) {
        this.messageLog = messageLog;
        this.instanceId = hub.instanceId();
    }

    @Override
    public void refused(String transactionId, String clientId, String operation, boolean unauthenticated,
            String reason) {
        ErrorCode code = unauthenticated ? ErrorCode.UNAUTHENTICATED : ErrorCode.ACCESS_DENIED;
        Instant now = Instant.now();
        String tx = transactionId == null || transactionId.isBlank() ? "broker-" + UUID.randomUUID() : transactionId;
        try {
            messageLog.submit(new MessageLogRecord(null, "EXCHANGE", tx, instanceId, "AMQP", clientId, null, null,
                    SERVICE, operation, null, Outcome.DENIED, code.name(), reason, code.status(), now, now, 0L, null,
                    null), null);
        } catch (RuntimeException e) {
            log.error("Message log write failed for the broker's refusal {} ({})", tx, reason, e);
        }
    }
}
