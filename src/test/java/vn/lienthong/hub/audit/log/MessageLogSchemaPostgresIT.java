package vn.lienthong.hub.audit.log;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import vn.lienthong.hub.TestDatabase;

/** The schema on PostgreSQL, in a throw-away schema. Runs when {@code HUB_TEST_POSTGRES_URL} is set (see {@link TestDatabase}). */
@EnabledIfEnvironmentVariable(named = "HUB_TEST_POSTGRES_URL", matches = ".+")
class MessageLogSchemaPostgresIT extends MessageLogSchemaContract {

    MessageLogSchemaPostgresIT() {
        super(TestDatabase.postgres("hub_test"));
    }
}
