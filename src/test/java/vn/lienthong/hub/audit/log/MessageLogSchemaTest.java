package vn.lienthong.hub.audit.log;

import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The schema on the embedded H2 database. */
class MessageLogSchemaTest extends MessageLogSchemaContract {

    private final DataSource dataSource = new DriverManagerDataSource(
            "jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }

    @Override
    protected String schema() {
        return null;
    }
}
