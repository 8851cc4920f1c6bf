package vn.lienthong.hub.dossier;

import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.jms.connection.CachingConnectionFactory;

import vn.lienthong.hub.security.BrokerRefusalLog;
import vn.lienthong.hub.security.BrokerSecurityManager;
import vn.lienthong.hub.security.ClientRegistry;

/**
 * Closes the embedded broker: gives it the hub's {@link BrokerSecurityManager} before it starts, and gives the hub's own
 * in-VM connection factory the hub's credentials ({@code spring.artemis.user}, {@code spring.artemis.password}), which
 * Spring Boot applies to a remote broker only. With an external broker (prod) neither bean exists here: Spring Boot
 * sets the credentials, and the broker's own configuration holds the roles (docs/security.md, "Broker").
 */
class EmbeddedBrokerSecurity implements BeanPostProcessor {

    private final Environment environment;
    private final ObjectProvider<ClientRegistry> clients;
    private final ObjectProvider<BrokerRefusalLog> refusals;

    EmbeddedBrokerSecurity(Environment environment, ObjectProvider<ClientRegistry> clients,
            ObjectProvider<BrokerRefusalLog> refusals) {
        this.environment = environment;
        this.clients = clients;
        this.refusals = refusals;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof EmbeddedActiveMQ broker) {
            broker.setSecurityManager(new BrokerSecurityManager(environment.getProperty("spring.artemis.user"),
                    environment.getProperty("spring.artemis.password"), clients::getObject,
                    refusals::getIfAvailable));
        }
        return bean;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof ActiveMQConnectionFactory factory) {
            credentials(factory);
        } else if (bean instanceof CachingConnectionFactory caching
                && caching.getTargetConnectionFactory() instanceof ActiveMQConnectionFactory factory) {
            credentials(factory);
        }
        return bean;
    }

    private void credentials(ActiveMQConnectionFactory factory) {
        if (factory.getUser() == null) {
            factory.setUser(environment.getProperty("spring.artemis.user"));
            factory.setPassword(environment.getProperty("spring.artemis.password"));
        }
    }
}
