package vn.lienthong.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import vn.lienthong.hub.connector.ConnectorLint;

/** LiênThông Hub: the provincial data-sharing hub. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HubApplication {

    /**
     * Starts the hub; {@code lint DIR...} instead checks connector folders (connectors/README.md) without starting it,
     * exit status 0 when every rule holds, 1 otherwise.
     */
    public static void main(String[] args) {
        if (args.length > 0 && "lint".equals(args[0])) {
            System.exit(ConnectorLint.run(java.util.Arrays.asList(args).subList(1, args.length), System.out, System.err));
        }
        SpringApplication.run(HubApplication.class, args);
    }
}
