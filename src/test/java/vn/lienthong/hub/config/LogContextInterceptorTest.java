package vn.lienthong.hub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogContextInterceptorTest {

    private CamelContext camel;
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private final Map<String, String> threads = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        camel = new DefaultCamelContext();
        camel.getCamelContextExtension().addInterceptStrategy(new LogContextInterceptor());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:split").split(body()).parallelProcessing().executorService(
                        camel.getExecutorServiceManager().newFixedThreadPool(this, "split-test", 2))
                        .process(e -> {
                            String part = e.getIn().getBody(String.class);
                            seen.put(part, String.valueOf(MDC.get("txId")) + "/" + MDC.get("traceId"));
                            threads.put(part, Thread.currentThread().getName());
                        });
                from("direct:delayed").delay(10).asyncDelayed()
                        .process(e -> seen.put("after-delay", String.valueOf(MDC.get("txId"))));
            }
        });
        camel.start();
    }

    @AfterEach
    void stop() {
        MDC.clear();
        camel.stop();
    }

    @Test
    void theStepsOfAParallelSplit_logUnderTheCallersTransactionAndTrace() {
        ProducerTemplate producer = camel.createProducerTemplate();
        MDC.put("txId", "tx-1");
        MDC.put("traceId", "trace-1");
        producer.sendBody("direct:split", List.of("a", "b", "c", "d", "e", "f"));

        assertThat(threads.values()).allSatisfy(t -> assertThat(t).contains("split-test"));
        assertThat(seen).hasSize(6).allSatisfy((part, context) -> assertThat(context).isEqualTo("tx-1/trace-1"));
        assertThat(MDC.get("txId")).as("the caller keeps its own context").isEqualTo("tx-1");
    }

    @Test
    void aPoolThread_keepsNoContextForTheNextExchange() {
        ProducerTemplate producer = camel.createProducerTemplate();
        MDC.put("txId", "tx-2");
        producer.sendBody("direct:split", List.of("a", "b", "c", "d"));
        MDC.clear();
        seen.clear();

        producer.sendBody("direct:split", List.of("a", "b", "c", "d"));

        assertThat(seen).hasSize(4).allSatisfy((part, context) -> assertThat(context).isEqualTo("null/null"));
    }

    @Test
    void aStepThatCompletesOnAnotherThread_continuesUnderTheExchangesTransaction() {
        MDC.put("txId", "tx-3");
        camel.createProducerTemplate().sendBody("direct:delayed", "x");

        assertThat(seen).containsEntry("after-delay", "tx-3");
    }
}
