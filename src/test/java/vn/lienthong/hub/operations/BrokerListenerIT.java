package vn.lienthong.hub.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import vn.lienthong.hub.HubApplication;

/** With the agency listener's port taken, the hub does not start half-deaf: it refuses to start and says why. */
class BrokerListenerIT {

    @Test
    void aTakenBrokerPort_stopsTheStart_namingHostAndPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> new SpringApplicationBuilder(HubApplication.class).run(
                    "--server.port=0",
                    "--spring.datasource.url=jdbc:h2:mem:listener-it;DB_CLOSE_DELAY=-1",
                    "--HUB_DATA_DIR=target/listener-it-data",
                    "--spring.artemis.embedded.persistent=false",
                    "--HUB_BROKER_HOST=127.0.0.1",
                    "--HUB_BROKER_PORT=" + port).close())
                    .satisfies(e -> {
                        Throwable root = e;
                        while (root.getCause() != null) {
                            root = root.getCause();
                        }
                        assertThat(root).hasMessageContaining("cannot listen for agency systems on 127.0.0.1:" + port);
                    });
        }
    }
}
