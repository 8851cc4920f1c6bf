package vn.lienthong.hub.config;

import java.util.List;

/** The {@code prod} profile was started without settings it cannot run without. */
public class MissingProductionSettingsException extends RuntimeException {

    private final List<String> missing;

    public MissingProductionSettingsException(List<String> missing) {
        super("Production settings missing: " + String.join(", ", missing));
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}
