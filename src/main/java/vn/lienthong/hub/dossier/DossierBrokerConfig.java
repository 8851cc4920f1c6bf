package vn.lienthong.hub.dossier;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.camel.component.jms.JmsComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import vn.lienthong.hub.security.BrokerSecurityManager;
import vn.lienthong.hub.security.ClientRegistry;
import vn.lienthong.hub.security.BrokerRefusalLog;
import vn.lienthong.hub.security.InboundSenderCheck;

/**
 * The broker side of dossier synchronisation. The embedded broker gets a network acceptor for agency systems (AMQP 1.0
 * and the Artemis core protocol on {@code hub.broker.host}:{@code hub.broker.port}, loopback by default, 0 = none),
 * durable anycast queues created up front (so an AMQP sender cannot make them multicast), redelivery settings that
 * never drop a message, and security on: logins through {@link BrokerSecurityManager}, the hub's role allowed
 * everything, the agency role only to send to the inbound queue (docs/security.md, "Broker"). The {@code dossierJms}
 * Camel component consumes without session caching, so each consumer keeps its message groups.
 */
@Configuration
public class DossierBrokerConfig {

    private static final Logger log = LoggerFactory.getLogger(DossierBrokerConfig.class);

    @Bean
    public ArtemisConfigurationCustomizer dossierBrokerCustomizer(DossierSyncProperties properties,
            @Value("${hub.broker.host:127.0.0.1}") String host, @Value("${hub.broker.port:0}") int port,
            @Value("${spring.artemis.user:hub}") String hubUser, ObjectProvider<ClientRegistry> clients,
            ObjectProvider<BrokerRefusalLog> refusals) {
        return configuration -> {
            // an agency sends only under its own key (security/InboundSenderCheck)
            configuration.registerBrokerPlugin(new InboundSenderCheck(hubUser, properties.getInboundQueue(),
                    clients::getObject, refusals::getIfAvailable));
            configuration.setPopulateValidatedUser(true);
            if (port > 0) {
                try {
                    configuration.addAcceptorConfiguration("agencies",
                            "tcp://" + host + ":" + port + "?protocols=CORE,AMQP;amqpDuplicateDetection=true");
                    log.info("Broker accepts agency systems over AMQP and core at {}:{}", host, port);
                } catch (Exception e) {
                    throw new IllegalStateException("invalid broker acceptor " + host + ":" + port, e);
                }
            }
            configuration.setSecurityEnabled(true);
            // put, not set: other features add the addresses of their own (payment/PaymentBrokerConfig)
            configuration.putSecurityRoles("#", Set.of(hubRole()));
            configuration.putSecurityRoles(properties.getInboundQueue(), Set.of(hubRole(), agencySendOnly()));
            // Artemis lets its cluster user in with every right; this broker has no cluster, so nobody may know it.
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            configuration.setClusterPassword(Base64.getEncoder().encodeToString(random));
            for (String queue : Set.of(properties.getQueue(), properties.getDeadLetterQueue(), properties.getInboundQueue(),
                    properties.getRejectedQueue())) {
                configuration.addQueueConfiguration(QueueConfiguration.of(queue).setAddress(queue)
                        .setRoutingType(RoutingType.ANYCAST).setDurable(true));
            }
            // A consumer that fails (database down) rolls back; the broker tries again, slower and slower, for ever:
            // without a dead-letter address a broker would otherwise drop the message after its last attempt.
            configuration.addAddressSetting("dossier.#", new AddressSettings()
                    .setMaxDeliveryAttempts(-1)
                    .setRedeliveryDelay(1000)
                    .setRedeliveryMultiplier(2)
                    .setMaxRedeliveryDelay(60_000)
                    .setDefaultAddressRoutingType(RoutingType.ANYCAST)
                    .setDefaultQueueRoutingType(RoutingType.ANYCAST));
        };
    }

    /** The hub's own role: every permission on every address (its flows, the dead-letter operations, management). */
    public static Role hubRole() {
        Role role = new Role();
        role.setName(BrokerSecurityManager.HUB_ROLE);
        role.setSend(true);
        role.setConsume(true);
        role.setBrowse(true);
        role.setCreateAddress(true);
        role.setDeleteAddress(true);
        role.setCreateDurableQueue(true);
        role.setDeleteDurableQueue(true);
        role.setCreateNonDurableQueue(true);
        role.setDeleteNonDurableQueue(true);
        role.setManage(true);
        role.setView(true);
        role.setEdit(true);
        return role;
    }

    /** Agency systems on the inbound queue: send, and nothing else (no consume, browse, create, delete or management). */
    static Role agencySendOnly() {
        Role role = new Role();
        role.setName(BrokerSecurityManager.AGENCY_ROLE);
        role.setSend(true);
        return role;
    }

    /** Fails the start when the embedded broker's agency listener did not bind (see {@link BrokerListenerCheck}). */
    @Bean
    static BrokerListenerCheck brokerListenerCheck(Environment environment) {
        String mode = environment.getProperty("spring.artemis.mode", "embedded");
        int port = "native".equals(mode) ? 0 : environment.getProperty("hub.broker.port", Integer.class, 0);
        return new BrokerListenerCheck(environment.getProperty("hub.broker.host", "127.0.0.1"), port);
    }

    /** Gives the embedded broker its security manager and the hub's connection factory its credentials. */
    @Bean
    static EmbeddedBrokerSecurity embeddedBrokerSecurity(Environment environment, ObjectProvider<ClientRegistry> clients,
            ObjectProvider<BrokerRefusalLog> refusals) {
        return new EmbeddedBrokerSecurity(environment, clients, refusals);
    }

    /**
     * Consumers of the dossier queues, and every send a consumer makes (dead letter, retry, rejected): local JMS
     * transactions without a transaction manager, so Spring exposes the consumer's session on its thread and a send
     * through this component with the same connection factory joins it; taking a message and what is sent for it
     * commit together.
     */
    @Bean("dossierJms")
    public JmsComponent dossierJms(DossierQueue queue, ObjectProvider<BrokerSettingsCheck> brokerSettings) {
        // an external broker is asked first whether it keeps, delays and dead-letters the dossier events as needed
        brokerSettings.ifAvailable(BrokerSettingsCheck::verify);
        JmsComponent component = JmsComponent.jmsComponent(queue.plainConnectionFactory());
        component.getConfiguration().setLazyCreateTransactionManager(false);
        return component;
    }

    /**
     * The start-up check of an external broker's settings (native mode, that is the {@code prod} profile); off with
     * {@code hub.broker.check-settings=false}.
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnExpression(
            "'${spring.artemis.mode:}' == 'native' && ${hub.broker.check-settings:true}")
    public BrokerSettingsCheck brokerSettingsCheck(DossierQueue queue, DossierSyncProperties properties,
            @Value("${hub.broker.min-id-cache-size:20000}") int minIdCacheSize) {
        return new BrokerSettingsCheck(queue.plainConnectionFactory(), properties, minIdCacheSize, 10_000);
    }

    /** The accept flow's durable sends from the edge threads (cached sessions, blocking until the broker has it). */
    @Bean("dossierJmsSend")
    public JmsComponent dossierJmsSend(jakarta.jms.ConnectionFactory connectionFactory) {
        JmsComponent component = JmsComponent.jmsComponent(connectionFactory);
        component.getConfiguration().setDeliveryPersistent(true);
        return component;
    }

    /** The idempotent consumer of the accept flow: the event ids already accepted are those with a state row. */
    @Bean("dossierEventIds")
    public AcceptedEventIds dossierEventIds(DossierSyncStore store) {
        return new AcceptedEventIds(store);
    }
}
