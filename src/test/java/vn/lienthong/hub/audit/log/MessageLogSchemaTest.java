package vn.lienthong.hub.audit.log;

import vn.lienthong.hub.TestDatabase;

/** The schema on the embedded H2 database. */
class MessageLogSchemaTest extends MessageLogSchemaContract {

    MessageLogSchemaTest() {
        super(TestDatabase.h2("schema"));
    }
}
