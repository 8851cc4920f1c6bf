package vn.lienthong.hub.audit.log;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import vn.lienthong.hub.TestDatabase;

/** The chain, its verification and the auditor queries on PostgreSQL, in a throw-away schema. Runs when {@code HUB_TEST_POSTGRES_URL} is set (see {@link TestDatabase}). */
@EnabledIfEnvironmentVariable(named = "HUB_TEST_POSTGRES_URL", matches = ".+")
class MessageLogChainPostgresIT extends MessageLogChainContract {

    MessageLogChainPostgresIT() {
        super(TestDatabase.postgres("hub_chain"));
    }
}
