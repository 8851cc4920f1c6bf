package vn.lienthong.hub.audit.log;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The chain, its verification and the auditor queries on PostgreSQL, in a throw-away schema. Runs when
 * {@code HUB_TEST_POSTGRES_URL} is set (see {@link MessageLogSchemaPostgresIT}).
 */
@EnabledIfEnvironmentVariable(named = "HUB_TEST_POSTGRES_URL", matches = ".+")
class MessageLogChainPostgresIT extends MessageLogChainContract {

    private final String schema = "hub_chain_" + Long.toHexString(System.nanoTime());
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
        log.close();
        new JdbcTemplate(dataSource).execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
}
