package vn.lienthong.hub.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Explains a setting outside its allowed range ({@code @Validated} settings records) the way an operator writes it: the
 * property as in application.yaml ({@code hub.dossier.max-attempts}, not the Java field), the environment variable that
 * sets it where application.yaml names one ({@code HUB_DOSSIER_MAX_ATTEMPTS}), the value, where it came from and the rule.
 */
public class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<BindValidationException> implements Ordered {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    private final Environment environment;

    public InvalidSettingFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindValidationException cause) {
        String prefix = cause.getValidationErrors().getName().toString();
        StringBuilder description = new StringBuilder("Invalid setting").append(
                cause.getValidationErrors().getAllErrors().size() > 1 ? "s" : "").append(" under '").append(prefix)
                .append("':\n");
        for (ObjectError error : cause.getValidationErrors().getAllErrors()) {
            description.append('\n');
            if (error instanceof FieldError field) {
                String property = prefix + "." + DataObjectPropertyName.toDashedForm(field.getField());
                description.append("    Property: ").append(property);
                String variable = variableOf(property);
                if (variable != null) {
                    description.append(" (environment variable ").append(variable).append(')');
                }
                description.append("\n    Value: \"").append(field.getRejectedValue()).append("\"\n");
            }
            Origin origin = Origin.from(error);
            if (origin != null) {
                description.append("    Origin: ").append(origin).append('\n');
            }
            description.append("    Reason: ").append(error.getDefaultMessage()).append('\n');
        }
        return new FailureAnalysis(description.toString(),
                "Correct the setting (the configuration table in the README lists each variable with its default) and "
                        + "start again.",
                cause);
    }

    /** The first {@code ${VARIABLE…}} in the value that is in effect, when it names one (application.yaml does). */
    private String variableOf(String property) {
        if (!(environment instanceof ConfigurableEnvironment configurable)) {
            return null;
        }
        for (PropertySource<?> source : configurable.getPropertySources()) {
            Object raw = source.getProperty(property);
            if (raw != null) {
                Matcher matcher = VARIABLE.matcher(String.valueOf(raw));
                return matcher.find() ? matcher.group(1) : null;
            }
        }
        return null;
    }

    /** Before Spring Boot's own analyzer of the same failure, which names the Java field. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
