package vn.lienthong.hub.dossier;

import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.remoting.Acceptor;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The embedded broker's network listener for agency systems must be listening once the broker has started. Artemis
 * logs one ERROR line when it cannot bind (the port is taken) and goes on without it, so agency systems could not send
 * and the hub would still report UP; here the start fails instead, naming the host and port.
 */
public class BrokerListenerCheck implements BeanPostProcessor {

    static final String ACCEPTOR = "agencies";

    private final String host;
    private final int port;

    public BrokerListenerCheck(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (port > 0 && bean instanceof EmbeddedActiveMQ embedded) {
            ActiveMQServer server = embedded.getActiveMQServer();
            Acceptor acceptor = server == null || server.getRemotingService() == null ? null
                    : server.getRemotingService().getAcceptor(ACCEPTOR);
            // a Netty acceptor that failed to bind still reports itself started; only a bound one has an actual port
            boolean listening = acceptor != null && acceptor.isStarted()
                    && (!(acceptor instanceof NettyAcceptor netty) || netty.getActualPort() > 0);
            if (!listening) {
                throw new IllegalStateException("The embedded broker cannot listen for agency systems on " + host + ":"
                        + port + " (the port is taken or the address is not this machine's): set HUB_BROKER_PORT to a free"
                        + " port, or 0 for no listener, and HUB_BROKER_HOST to an address of this machine");
            }
        }
        return bean;
    }
}
