package vn.lienthong.hub.config;

import java.util.Objects;

import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.apache.camel.tracing.ActiveSpanManager;
import org.apache.camel.tracing.SpanAdapter;
import org.slf4j.MDC;

/**
 * Carries the log context of an exchange (transaction id, trace id, span id) to whichever thread runs its steps: the
 * threads of the pre-fill's parallel split, the thread a connector's answer arrives on, a redelivery. Each step runs
 * with the exchange's keys in the log context of its thread and leaves that thread's own keys as they were, so nothing
 * leaks to the next exchange the thread serves.
 * <p>
 * The context is taken from the thread that first runs a step of the exchange (the request thread, whose keys the edge
 * and the tracing set; a queue consumer, whose transaction id {@link TransactionIdLogContext} sets) and travels as an
 * exchange property, so the copies a split or multicast makes carry it too. The trace and span ids are the Camel
 * tracer's span of the step where it has one.
 * <p>
 * This replaces Camel's MDC unit of work ({@code camel.main.use-mdc-logging}), which a profile of the citizen lookup
 * showed at about a tenth of the CPU: on every step it copies the whole log context and matches every key against the
 * propagation patterns with a regular expression compiled per key. The hub's log lines do not use Camel's own keys
 * ({@code camel.exchangeId}, {@code camel.routeId}, ...), so only the three keys travel.
 */
public final class LogContextInterceptor implements InterceptStrategy {

    static final String TRANSACTION_ID = TransactionIdLogContext.MDC_KEY;
    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";
    /** The exchange property that holds the context. */
    static final String PROPERTY = "hubLogContext";

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
            Processor nextTarget) {
        return new Step(target);
    }

    /** The three keys of one exchange. */
    record LogContext(String transactionId, String traceId, String spanId) {

        static LogContext ofThread() {
            String transactionId = MDC.get(TRANSACTION_ID);
            String traceId = MDC.get(TRACE_ID);
            if (transactionId == null && traceId == null) {
                return null;
            }
            return new LogContext(transactionId, traceId, MDC.get(SPAN_ID));
        }

        /**
         * Puts this context's keys on the current thread (a key the context lacks stays as the thread has it); answers
         * the thread's own keys, to be put back.
         */
        LogContext apply() {
            LogContext own = new LogContext(MDC.get(TRANSACTION_ID), MDC.get(TRACE_ID), MDC.get(SPAN_ID));
            if (transactionId != null) {
                put(TRANSACTION_ID, transactionId, own.transactionId);
            }
            if (traceId != null) {
                put(TRACE_ID, traceId, own.traceId);
            }
            if (spanId != null) {
                put(SPAN_ID, spanId, own.spanId);
            }
            return own;
        }

        /** Puts back the keys a thread had before {@link #apply()} ({@code own}, what apply answered). */
        void restore(LogContext own) {
            if (transactionId != null) {
                put(TRANSACTION_ID, own.transactionId, transactionId);
            }
            if (traceId != null) {
                put(TRACE_ID, own.traceId, traceId);
            }
            if (spanId != null) {
                put(SPAN_ID, own.spanId, spanId);
            }
        }

        /** Sets {@code key} to {@code value} on a thread where it is {@code current} (null: absent). */
        private static void put(String key, String value, String current) {
            if (value == null ? current == null : value.equals(current)) {
                return;
            }
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        }
    }

    private static LogContext of(Exchange exchange) {
        LogContext context = exchange.getProperty(PROPERTY, LogContext.class);
        if (context == null) {
            context = LogContext.ofThread();
            if (context != null) {
                exchange.setProperty(PROPERTY, context);
            }
        }
        // the trace as the Camel tracer has it for this step (a queue consumer's span starts with the exchange)
        SpanAdapter span = ActiveSpanManager.getSpan(exchange);
        if (span != null) {
            String traceId = span.traceId();
            if (traceId != null && (context == null || !traceId.equals(context.traceId())
                    || !Objects.equals(span.spanId(), context.spanId()))) {
                context = new LogContext(context == null ? null : context.transactionId(), traceId, span.spanId());
            }
        }
        return context;
    }

    private static final class Step extends DelegateAsyncProcessor {

        Step(Processor target) {
            super(target);
        }

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            LogContext context = of(exchange);
            if (context == null) {
                return processor.process(exchange, callback);
            }
            LogContext own = context.apply();
            try {
                return processor.process(exchange, doneSync -> {
                    if (doneSync) {
                        callback.done(true);
                        return;
                    }
                    // the step completed asynchronously, perhaps on another thread: the exchange's path continues there
                    LogContext theirs = context.apply();
                    try {
                        callback.done(doneSync);
                    } finally {
                        context.restore(theirs);
                    }
                });
            } finally {
                context.restore(own);
            }
        }

        @Override
        public String toString() {
            return processor.toString();
        }
    }
}
