package vn.lienthong.hub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Prometheus alert rules and the Grafana dashboard in docker/ parse, and name only metrics the hub exports (its
 * own {@code hub_*} meters: OperationsGauges, ConnectorMetrics).
 */
class MonitoringFilesTest {

    private static final Set<String> HUB_METRICS = Set.of("hub_broker_queue_messages", "hub_message_log_backlog",
            "hub_connector_calls_seconds_count");
    private static final Pattern HUB_METRIC = Pattern.compile("\\bhub_[a-z_]+");

    @Test
    @SuppressWarnings("unchecked")
    void alertRules_parse_andUseTheHubsMetrics() throws IOException {
        Map<String, Object> rules = new Yaml().load(Files.readString(Path.of("docker/prometheus/alerts.yaml")));
        List<Map<String, Object>> groups = (List<Map<String, Object>>) rules.get("groups");
        Set<String> used = new TreeSet<>();
        for (Map<String, Object> group : groups) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                assertThat(rule).containsKeys("alert", "expr", "for", "labels", "annotations");
                assertThat(((Map<String, Object>) rule.get("labels")).get("severity")).isIn("warning", "critical");
                used.addAll(metrics(String.valueOf(rule.get("expr"))));
            }
        }
        assertThat(used).isNotEmpty().isSubsetOf(HUB_METRICS);
        Map<String, Object> scrape = new Yaml().load(Files.readString(Path.of("docker/prometheus/prometheus.yaml")));
        assertThat((List<Object>) scrape.get("rule_files")).contains("alerts.yaml");
    }

    @Test
    void dashboard_parses_andUsesTheHubsMetrics() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("docker/grafana/lienthong-hub.json").toFile());
        assertThat(dashboard.path("panels").size()).isGreaterThan(5);
        Set<String> used = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                used.addAll(metrics(target.path("expr").asText()));
            }
        }
        assertThat(used).containsAll(Set.of("hub_broker_queue_messages", "hub_message_log_backlog")).isSubsetOf(HUB_METRICS);
    }

    private static Set<String> metrics(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher m = HUB_METRIC.matcher(expression);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }
}
