package vn.lienthong.hub.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** AMQP application properties are text from outside: NFC at the intake, like REST and SOAP headers. */
class AmqpPropertiesTest {

    @Test
    void userIdAndOtherTextPropertiesComeInNfc() {
        DossierAmqpIntake intake = new DossierAmqpIntake(null, null, null, null, null, "dossier.inbound");
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        String officer = "Nguyễn Thị Mai";
        exchange.getMessage().setHeader("userId", "  " + Normalizer.normalize(officer, Normalizer.Form.NFD) + " ");
        exchange.getMessage().setHeader("eventId", "ev-1");
        exchange.getMessage().setHeader("kind", Normalizer.normalize("PROGRESS", Normalizer.Form.NFD));
        intake.checkProperties(exchange);
        assertThat(exchange.getMessage().getHeader("userId", String.class)).isEqualTo(officer);
        assertThat(exchange.getMessage().getHeader("eventId", String.class)).isEqualTo("ev-1");
    }
}
