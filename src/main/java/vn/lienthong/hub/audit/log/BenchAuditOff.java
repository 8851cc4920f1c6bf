package vn.lienthong.hub.audit.log;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

import vn.lienthong.hub.audit.MessageLogRecord;

/**
 * Benchmark only ({@code bench/run.sh}, scenario P5): {@code hub.bench.audit-off=true} makes the exchanges' message
 * log a no-op, so the cost of the message log can be measured as "audit on vs off" on the same build. It breaks the
 * hub's promise (every exchange recorded before its answer), so it is refused with the {@code prod} profile and
 * without the demo clients, and announced at start as an error.
 */
@Configuration
@ConditionalOnProperty(name = "hub.bench.audit-off", havingValue = "true")
public class BenchAuditOff {

    private static final Logger log = LoggerFactory.getLogger(BenchAuditOff.class);

    @Bean
    @Primary
    public MessageLog benchMessageLogOff(JdbcMessageLog real, Environment environment) {
        refuseOutsideBench(environment);
        log.error("hub.bench.audit-off=true: exchanges are NOT recorded in the message log (benchmark setting only)");
        return new Discarding(real);
    }

    /** Refuses the setting where it could reach a real deployment. */
    static void refuseOutsideBench(Environment environment) {
        if (Arrays.asList(environment.getActiveProfiles()).contains("prod")
                || !environment.getProperty("hub.demo.enabled", Boolean.class, false)) {
            throw new IllegalStateException("hub.bench.audit-off is a benchmark setting: refused with the prod profile"
                    + " or without hub.demo.enabled=true");
        }
    }

    /** Writes nothing; the queries still read the real log. */
    static final class Discarding implements MessageLog {

        private final MessageLog real;

        Discarding(MessageLog real) {
            this.real = real;
        }

        @Override
        public void append(MessageLogRecord record) {
        }

        @Override
        public void append(MessageLogRecord record, BodyEvidence evidence) {
        }

        @Override
        public CompletableFuture<Long> submit(MessageLogRecord record, BodyEvidence evidence) {
            return CompletableFuture.completedFuture(-1L);
        }

        @Override
        public boolean belongsToAnotherClient(String transactionId, String clientId) {
            return real.belongsToAnotherClient(transactionId, clientId);
        }

        @Override
        public List<MessageLogRecord> findByTransaction(String transactionId) {
            return real.findByTransaction(transactionId);
        }
    }
}
