package vn.lienthong.hub.dossier;

import java.util.List;

/** The external broker does not treat the hub's addresses as the hub needs; the hub refuses to start. */
public class BrokerSettingsException extends IllegalStateException {

    private final List<String> problems;

    public BrokerSettingsException(List<String> problems) {
        super("The broker's settings for the hub's addresses are not as the hub needs (see docker/artemis/broker.xml): "
                + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
