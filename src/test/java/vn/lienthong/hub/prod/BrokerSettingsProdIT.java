package vn.lienthong.hub.prod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.lienthong.hub.dossier.BrokerSettingsCheck;
import vn.lienthong.hub.dossier.BrokerSettingsException;
import vn.lienthong.hub.dossier.DossierSyncProperties;

/**
 * The hub's start-up check of an external broker against the standalone broker: the production broker.xml passes;
 * queues the broker treats with its generic defaults (10 immediate attempts, the generic DLQ) are named, with what is
 * wrong and what is needed; a wrong password is said to be one.
 */
@ExtendWith(ProdEnvironment.class)
class BrokerSettingsProdIT {

    private static ActiveMQConnectionFactory hub(String password) {
        return new ActiveMQConnectionFactory(ProdEnvironment.broker().url(), StandaloneBroker.HUB_USER, password);
    }

    @Test
    void theProductionBrokerXml_passes() {
        new BrokerSettingsCheck(hub(StandaloneBroker.HUB_PASSWORD), new DossierSyncProperties(), 20_000, 10_000).verify();
    }

    @Test
    void addressesWithTheBrokersDefaults_areNamedWithWhatIsNeeded() {
        DossierSyncProperties other = new DossierSyncProperties();
        other.setQueue("outside.sync");
        other.setDeadLetterQueue("outside.sync.national-portal.DLQ");
        BrokerSettingsCheck check = new BrokerSettingsCheck(hub(StandaloneBroker.HUB_PASSWORD), other, 20_000, 10_000);

        assertThatThrownBy(check::verify).isInstanceOfSatisfying(BrokerSettingsException.class, e -> {
            assertThat(e.problems()).contains(
                    "queue outside.sync does not exist (declare it in broker.xml as a durable anycast queue)",
                    "address-setting of outside.sync: dead-letter-address is DLQ, needs outside.sync.national-portal.DLQ");
            assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                    .startsWith("address-setting of outside.sync: max-delivery-attempts is 10, needs -1"));
            assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                    .startsWith("address-setting of outside.sync: redelivery-delay is 0 ms"));
            // the inbound queue of the default settings is fine
            assertThat(e.problems()).noneMatch(p -> p.contains("dossier.inbound"));
        });
    }

    @Test
    void aTooSmallDuplicateIdCache_isNamed() {
        BrokerSettingsCheck check = new BrokerSettingsCheck(hub(StandaloneBroker.HUB_PASSWORD), new DossierSyncProperties(),
                1_000_000, 10_000);
        assertThatThrownBy(check::verify).isInstanceOfSatisfying(BrokerSettingsException.class, e -> assertThat(e.problems())
                .containsExactly("id-cache-size is 100000, needs at least 1000000 (duplicate detection of accepted events)"));
    }

    @Test
    void aWrongPassword_isSaidToBeOne() {
        BrokerSettingsCheck check = new BrokerSettingsCheck(hub("wrong"), new DossierSyncProperties(), 20_000, 10_000);
        assertThatThrownBy(check::verify).isInstanceOf(BrokerSettingsException.class)
                .hasMessageContaining("could not be asked").hasMessageContaining("AMQ229031");
    }
}
