package vn.lienthong.hub.dossier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The accept flow's state writes on PostgreSQL, in a throw-away schema. Runs when {@code HUB_TEST_POSTGRES_URL} is
 * set (with {@code HUB_TEST_POSTGRES_USER} and {@code HUB_TEST_POSTGRES_PASSWORD}); {@code .ci/run} sets them.
 */
@EnabledIfEnvironmentVariable(named = "HUB_TEST_POSTGRES_URL", matches = ".+")
class DossierAcceptStatePostgresIT extends DossierAcceptStateContract {

    private final String schema = "hub_accept_" + Long.toHexString(System.nanoTime());
    private final DataSource dataSource = new DriverManagerDataSource(
            System.getenv("HUB_TEST_POSTGRES_URL") + (System.getenv("HUB_TEST_POSTGRES_URL").contains("?") ? "&" : "?")
                    + "currentSchema=" + schema,
            System.getenv().getOrDefault("HUB_TEST_POSTGRES_USER", "postgres"),
            System.getenv().getOrDefault("HUB_TEST_POSTGRES_PASSWORD", ""));

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }

    @Override
    protected String schema() {
        return schema;
    }

    @AfterEach
    void dropSchema() {
        new JdbcTemplate(dataSource).execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
}
