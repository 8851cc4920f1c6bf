package vn.lienthong.hub.audit.log;

import vn.lienthong.hub.TestDatabase;

/** The chain on the embedded H2 database. */
class MessageLogChainTest extends MessageLogChainContract {

    MessageLogChainTest() {
        super(TestDatabase.h2("chain"));
    }
}
