package vn.lienthong.hub.security;

import java.util.Optional;
import java.util.function.Supplier;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.message.impl.CoreMessage;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A broker plugin: an agency logged in to the broker may send to the inbound queue only under its own identity. The
 * message's {@code apiKey} property (which the intake authenticates) must be the key of the agency whose login sent
 * it, so an agency that knows another agency's key cannot send under it. AMQP messages cannot carry the broker's
 * validated user to the intake (the broker may not change their properties), so their send is refused here (a
 * security error for the sender, logged here and recorded in the message log); core messages carry it ({@code populate-validated-user}) and the intake
 * rejects a mismatch with a message-log record. The hub's own account is not checked.
 */
public class InboundSenderCheck implements ActiveMQServerMessagePlugin {

    private static final Logger log = LoggerFactory.getLogger(InboundSenderCheck.class);

    private final String hubUser;
    private final String inboundQueue;
    private final Supplier<ClientRegistry> clients;
    private final Supplier<BrokerRefusalLog> refusals;

    public InboundSenderCheck(String hubUser, String inboundQueue, Supplier<ClientRegistry> clients,
            Supplier<BrokerRefusalLog> refusals) {
        this.hubUser = hubUser;
        this.inboundQueue = inboundQueue;
        this.clients = clients;
        this.refusals = refusals;
    }

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct,
            boolean noAutoCreateQueue) throws ActiveMQException {
        String sender = session == null ? null : session.getValidatedUser();
        if (message instanceof CoreMessage) {
            return; // core messages carry the validated user to the intake, which rejects a mismatch with a record
        }
        if (sender == null || sender.equals(hubUser) || message.getAddress() == null
                || !message.getAddress().equals(inboundQueue)) {
            return;
        }
        Object key = message.getObjectProperty("apiKey");
        Optional<ApiClient> named = key instanceof String k ? clients.get().authenticate(k)
                : key != null ? clients.get().authenticate(key.toString()) : Optional.empty();
        if (named.isPresent() && !named.get().id().equals(sender)) {
            log.warn("Broker: {} sent a message under the key of {}; refused", sender, named.get().id());
            BrokerRefusalLog record = refusals.get();
            if (record != null) {
                Object sentTx = message.getObjectProperty("transactionId");
                record.refused(sentTx == null ? null : sentTx.toString(), sender, "send", false,
                        "the message's apiKey is the key of " + named.get().id() + ", not of the agency logged in");
            }
            throw new ActiveMQSecurityException("the message's apiKey is not the key of the agency logged in ("
                    + sender + ")");
        }
        // a missing or unknown key is the intake's to refuse: the message is rejected with a message-log record
    }
}
