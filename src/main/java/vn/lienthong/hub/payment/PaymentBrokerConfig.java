package vn.lienthong.hub.payment;

import java.util.Set;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.lienthong.hub.dossier.DossierBrokerConfig;
import vn.lienthong.hub.security.BrokerSecurityManager;

/**
 * The broker side of payment results sent as messages (docs/payment.md, "Results as messages"). The embedded broker
 * gets, for every subscriber of {@code hub.payment.subscribers}, a durable anycast queue
 * {@code agency.<client id>.payment-results} created up front, whose only permissions are the hub's (everything)
 * and the consume permission of that one client's own role ({@link BrokerSecurityManager#clientRole}): no other
 * agency may consume or browse it, and the subscriber itself may not send to it, browse it or delete it. Messages on
 * it are never dropped after failed deliveries.
 */
@Configuration
public class PaymentBrokerConfig {

    @Bean
    public ArtemisConfigurationCustomizer paymentBrokerCustomizer(PaymentProperties properties) {
        return configuration -> {
            for (String subscriber : properties.subscribers()) {
                String address = PaymentNotifications.address(subscriber);
                configuration.addQueueConfiguration(QueueConfiguration.of(address).setAddress(address)
                        .setRoutingType(RoutingType.ANYCAST).setDurable(true));
                configuration.putSecurityRoles(address, Set.of(DossierBrokerConfig.hubRole(), consumeOnly(subscriber)));
            }
            configuration.addAddressSetting("agency.#", new AddressSettings()
                    .setMaxDeliveryAttempts(-1)
                    .setRedeliveryDelay(1000)
                    .setRedeliveryMultiplier(2)
                    .setMaxRedeliveryDelay(60_000)
                    .setDefaultAddressRoutingType(RoutingType.ANYCAST)
                    .setDefaultQueueRoutingType(RoutingType.ANYCAST));
        };
    }

    /** The subscriber on its own queue: consume, and nothing else. */
    static Role consumeOnly(String clientId) {
        Role role = new Role();
        role.setName(BrokerSecurityManager.clientRole(clientId));
        role.setConsume(true);
        return role;
    }

    /** The notices already sent (one per order), in the hub's database beside the dossier events' ids. */
    @Bean("paymentNoticeIds")
    public JdbcMessageIdRepository paymentNoticeIds(javax.sql.DataSource dataSource) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, "payment-notification");
        repository.setCreateTableIfNotExists(false);
        return repository;
    }
}
