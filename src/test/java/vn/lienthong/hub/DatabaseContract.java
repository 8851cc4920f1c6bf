package vn.lienthong.hub;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;

/**
 * The base of a contract run against each database the hub supports: a subclass per database passes its
 * {@link TestDatabase}; the database is dropped after each test (after the subclass's own clean-up).
 */
public abstract class DatabaseContract {

    private final TestDatabase database;

    protected DatabaseContract(TestDatabase database) {
        this.database = database;
    }

    protected TestDatabase database() {
        return database;
    }

    protected DataSource dataSource() {
        return database.dataSource();
    }

    /** The PostgreSQL schema, or null for H2's default one. */
    protected String schema() {
        return database.schema();
    }

    @AfterEach
    void dropDatabase() {
        database.drop();
    }
}
