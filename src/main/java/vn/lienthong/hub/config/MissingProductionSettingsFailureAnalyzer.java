package vn.lienthong.hub.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing production setting into Spring Boot's short "APPLICATION FAILED TO START" report, without a stack trace. */
public class MissingProductionSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingProductionSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingProductionSettingsException cause) {
        return new FailureAnalysis(
                "The 'prod' profile needs settings that are not set: " + String.join(", ", cause.missing()) + ".",
                "Set the environment variables named above (see the configuration table in the README) and start again.",
                cause);
    }
}
