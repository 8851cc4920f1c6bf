package vn.lienthong.hub.config;

import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.MDC;

/**
 * Puts the transaction id in the log context of a thread that takes an exchange from a queue (the delivery consumers):
 * the edge sets it on request threads, this on the threads that start from a message carrying {@link #HEADER} (the
 * dossier queues' {@code DossierQueue.TRANSACTION_ID}). {@link LogContextInterceptor} then carries it, from whichever
 * thread set it, to the threads of asynchronous steps, such as the pre-fill's parallel split.
 */
public final class TransactionIdLogContext extends RoutePolicySupport {

    /** The message header that names the accepting transaction on the hub's queues. */
    public static final String HEADER = "hubTransactionId";
    static final String MDC_KEY = "txId";
    private static final String SET_HERE = "hubTxIdLogContextSet";

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        String transactionId = exchange.getIn().getHeader(HEADER, String.class);
        if (transactionId != null && !transactionId.isBlank() && MDC.get(MDC_KEY) == null) {
            MDC.put(MDC_KEY, transactionId);
            exchange.setProperty(SET_HERE, Boolean.TRUE);
        }
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        if (Boolean.TRUE.equals(exchange.removeProperty(SET_HERE))) {
            MDC.remove(MDC_KEY);
        }
    }
}
