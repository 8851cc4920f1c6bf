package vn.lienthong.hub.dossier;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import vn.lienthong.hub.TestDatabase;

/** The accept flow's state writes on PostgreSQL, in a throw-away schema. Runs when {@code HUB_TEST_POSTGRES_URL} is set (see {@link TestDatabase}). */
@EnabledIfEnvironmentVariable(named = "HUB_TEST_POSTGRES_URL", matches = ".+")
class DossierAcceptStatePostgresIT extends DossierAcceptStateContract {

    DossierAcceptStatePostgresIT() {
        super(TestDatabase.postgres("hub_accept"));
    }
}
