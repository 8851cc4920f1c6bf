package vn.lienthong.hub.dossier;

import vn.lienthong.hub.TestDatabase;

/** The accept flow's state writes on the embedded H2 database. */
class DossierAcceptStateTest extends DossierAcceptStateContract {

    DossierAcceptStateTest() {
        super(TestDatabase.h2("accept"));
    }
}
