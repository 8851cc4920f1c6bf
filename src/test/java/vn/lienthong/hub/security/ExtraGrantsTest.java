package vn.lienthong.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@code hub.security.extra-grants}: grants added to configured clients by id, bound as Spring binds the hub's settings
 * (the same keys an outside application.yaml or the command line gives), so adding one grant never restates the list.
 */
class ExtraGrantsTest {

    private static Map<String, String> twoClients() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("hub.security.clients[0].id", "000.00.00.H22:MOTCUA");
        settings.put("hub.security.clients[0].grants[0]", "data:citizen-lookup");
        settings.put("hub.security.clients[0].grants[1]", "dossier:*");
        settings.put("hub.security.clients[1].id", "000.00.00.H22:PORTAL");
        settings.put("hub.security.clients[1].grants[0]", "data:enterprise-lookup");
        return settings;
    }

    private static SecurityProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bind("hub.security", SecurityProperties.class).get();
    }

    @Test
    void grantAddedForOneClient_keepsItsOwnAndTheOthersGrants() {
        Map<String, String> settings = twoClients();
        settings.put("hub.security.extra-grants[000.00.00.H22:MOTCUA][0]", "data:social-protection-benefits");
        settings.put("hub.security.extra-grants[000.00.00.H22:MOTCUA][1]", "data:citizen-lookup"); // already held: once

        SecurityProperties security = bind(settings);

        assertThat(security.clients()).hasSize(2);
        assertThat(security.clients().get(0).grants())
                .containsExactly("data:citizen-lookup", "dossier:*", "data:social-protection-benefits");
        assertThat(security.clients().get(1).id()).isEqualTo("000.00.00.H22:PORTAL");
        assertThat(security.clients().get(1).grants()).containsExactly("data:enterprise-lookup");
    }

    @Test
    void commaSeparatedValue_asAnEnvironmentOrCommandLineSettingGivesIt() {
        Map<String, String> settings = twoClients();
        settings.put("hub.security.extra-grants[000.00.00.H22:PORTAL]", "data:land-tax-notice,data:social-protection-benefits");

        assertThat(bind(settings).clients().get(1).grants())
                .containsExactly("data:enterprise-lookup", "data:land-tax-notice", "data:social-protection-benefits");
    }

    @Test
    void unknownClientId_isRefusedWithTheIdAndTheKnownClients() {
        Map<String, String> settings = twoClients();
        settings.put("hub.security.extra-grants[000.00.00.H22:MOTCUAX][0]", "data:social-protection-benefits");

        assertThatThrownBy(() -> bind(settings))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("hub.security.extra-grants names no configured client: [000.00.00.H22:MOTCUAX]")
                .hasMessageContaining("known clients: [000.00.00.H22:MOTCUA, 000.00.00.H22:PORTAL]");
    }

    @Test
    void yamlWithBrackets_isMerged() throws Exception {
        SecurityProperties security = bindYaml("""
                hub.security:
                  clients:
                    - {id: "000.00.00.H22:MOTCUA", grants: ["data:citizen-lookup"]}
                    - {id: "000.00.00.H22:PORTAL", grants: ["data:enterprise-lookup"]}
                  extra-grants:
                    "[000.00.00.H22:MOTCUA]": ["data:land-tax-notice"]
                """);

        assertThat(security.clients().get(0).grants()).containsExactly("data:citizen-lookup", "data:land-tax-notice");
        assertThat(security.clients().get(1).grants()).containsExactly("data:enterprise-lookup");
    }

    @Test
    void yamlIdWithoutBrackets_isRefusedWithTheHint() {
        assertThatThrownBy(() -> bindYaml("""
                hub.security:
                  clients:
                    - {id: "000.00.00.H22:MOTCUA", grants: ["data:citizen-lookup"]}
                  extra-grants:
                    "000.00.00.H22:MOTCUA": ["data:land-tax-notice"]
                """)).rootCause().hasMessageContaining("names no configured client")
                .hasMessageContaining("write an id holding '.' or ':' in brackets");
    }

    private static SecurityProperties bindYaml(String yaml) throws java.io.IOException {
        var sources = new org.springframework.boot.env.YamlPropertySourceLoader().load("test",
                new org.springframework.core.io.ByteArrayResource(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return new Binder(org.springframework.boot.context.properties.source.ConfigurationPropertySources.from(sources))
                .bind("hub.security", SecurityProperties.class).get();
    }
}
