package vn.lienthong.hub;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of one test's own, with the hub's migrations: an in-memory H2 database, or a throw-away schema of the
 * PostgreSQL named by {@code HUB_TEST_POSTGRES_URL} (with {@code HUB_TEST_POSTGRES_USER} and
 * {@code HUB_TEST_POSTGRES_PASSWORD}; {@code .ci/run} sets them).
 */
public final class TestDatabase {

    private final DataSource dataSource;
    private final String schema;

    private TestDatabase(DataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    /** A new in-memory H2 database, named after {@code prefix}. */
    public static TestDatabase h2(String prefix) {
        return new TestDatabase(new DriverManagerDataSource(
                "jdbc:h2:mem:" + prefix + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""), null);
    }

    /** A new schema (not yet created: {@link #migrate()} does) of the test PostgreSQL, named after {@code prefix}. */
    public static TestDatabase postgres(String prefix) {
        String url = System.getenv("HUB_TEST_POSTGRES_URL");
        String schema = prefix + "_" + Long.toHexString(System.nanoTime());
        return new TestDatabase(new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                System.getenv().getOrDefault("HUB_TEST_POSTGRES_USER", "postgres"),
                System.getenv().getOrDefault("HUB_TEST_POSTGRES_PASSWORD", "")), schema);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The PostgreSQL schema, or null for H2's default one. */
    public String schema() {
        return schema;
    }

    /** Applies the hub's Flyway migrations. */
    public MigrateResult migrate() {
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        if (schema != null) {
            flyway = flyway.schemas(schema).defaultSchema(schema);
        }
        return flyway.load().migrate();
    }

    /** Drops the PostgreSQL schema (an H2 database goes with its test). */
    public void drop() {
        if (schema != null) {
            new JdbcTemplate(dataSource).execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
