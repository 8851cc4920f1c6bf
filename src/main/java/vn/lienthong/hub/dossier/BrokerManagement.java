package vn.lienthong.hub.dossier;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;

import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;

/**
 * Requests and replies on an Artemis broker's management address ({@code activemq.management}), over a temporary
 * reply queue: the core management messages the broker answers for an account with the manage permission. Used by
 * the start-up check of the broker's settings and by the queue-depth gauges; works the same on the embedded broker.
 */
public final class BrokerManagement implements AutoCloseable {

    static final String MANAGEMENT_ADDRESS = "activemq.management";

    /** A management call the broker answered with a failure (unknown resource, unknown attribute). */
    public static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    private final Connection connection;
    private final Session session;
    private final MessageProducer producer;
    private final TemporaryQueue replies;
    private final MessageConsumer answers;
    private final long timeoutMillis;

    public BrokerManagement(ConnectionFactory connections, long timeoutMillis) throws JMSException {
        this.timeoutMillis = timeoutMillis;
        this.connection = connections.createConnection();
        try {
            connection.start();
            this.session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            this.producer = session.createProducer(session.createQueue(MANAGEMENT_ADDRESS));
            this.replies = session.createTemporaryQueue();
            this.answers = session.createConsumer(replies);
        } catch (JMSException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    public Object attribute(String resource, String attribute) throws JMSException {
        Message request = session.createMessage();
        JMSManagementHelper.putAttribute(request, resource, attribute);
        return call(request, resource + "." + attribute);
    }

    public Object invoke(String resource, String operation, Object... parameters) throws JMSException {
        Message request = session.createMessage();
        JMSManagementHelper.putOperationInvocation(request, resource, operation, parameters);
        return call(request, resource + "." + operation);
    }

    private Object call(Message request, String what) throws JMSException {
        request.setJMSReplyTo(replies);
        producer.send(request);
        Message reply = answers.receive(timeoutMillis);
        if (reply == null) {
            throw new JMSException("no answer from the broker's management address within " + timeoutMillis + " ms ("
                    + what + ")");
        }
        try {
            if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
                throw new Failure(String.valueOf(JMSManagementHelper.getResult(reply)));
            }
            return JMSManagementHelper.getResult(reply);
        } catch (JMSException | Failure e) {
            throw e;
        } catch (Exception e) {
            throw new Failure(what + ": " + e.getMessage());
        }
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
