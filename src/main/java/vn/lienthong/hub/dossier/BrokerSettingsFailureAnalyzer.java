package vn.lienthong.hub.dossier;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns wrong settings of an external broker into Spring Boot's short "APPLICATION FAILED TO START" report. */
public class BrokerSettingsFailureAnalyzer extends AbstractFailureAnalyzer<BrokerSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BrokerSettingsException cause) {
        return new FailureAnalysis(
                "The broker at HUB_BROKER_URL does not treat the hub's addresses as the hub needs:\n  - "
                        + String.join("\n  - ", cause.problems()),
                "Give the broker the address settings, queues and roles of docker/artemis/broker.xml (docs/production.md)"
                        + " and start again. HUB_BROKER_CHECK_SETTINGS=false skips this check.",
                cause);
    }
}
