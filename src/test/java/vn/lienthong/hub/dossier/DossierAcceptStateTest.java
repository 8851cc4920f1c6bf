package vn.lienthong.hub.dossier;

import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The accept flow's state writes on the embedded H2 database. */
class DossierAcceptStateTest extends DossierAcceptStateContract {

    private final DataSource dataSource = new DriverManagerDataSource(
            "jdbc:h2:mem:accept-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }

    @Override
    protected String schema() {
        return null;
    }
}
