package vn.lienthong.hub.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class EmbeddedDatabaseCompactionTest {

    @TempDir
    Path dir;

    private static JdbcDataSource h2(String url) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        return ds;
    }

    private static EmbeddedDatabaseCompaction compaction(JdbcDataSource ds) {
        return new EmbeddedDatabaseCompaction(ds, new DefaultCamelContext(), new SimpleMeterRegistry(),
                new DatabaseCompactionProperties(true, Duration.ofSeconds(10), 80, DataSize.ofMegabytes(64)));
    }

    @Test
    void sparseChunksOfAFileDatabase_areRewritten_andTheFillRateRises() throws Exception {
        // the hub's settings, but old chunks reusable at once: what the retention time delays is not under test
        JdbcDataSource ds = h2("jdbc:h2:file:" + dir.resolve("db/hub") + ";WRITE_DELAY=0;RETENTION_TIME=0");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE log (id BIGINT PRIMARY KEY, ref VARCHAR(80), at TIMESTAMP)");
            s.execute("CREATE INDEX log_ref ON log (ref)");
            s.execute("CREATE INDEX log_at ON log (at)");
            // one commit per few rows, random keys in one index, ordered in the others: the message log's pattern,
            // which leaves a few live pages in each chunk
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO log VALUES (?, ?, CURRENT_TIMESTAMP)")) {
                for (int i = 0; i < 6_000; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, UUID.randomUUID().toString() + UUID.randomUUID());
                    insert.executeUpdate();
                }
            }
            EmbeddedDatabaseCompaction compaction = compaction(ds);
            int before = compaction.fillRate();
            assertThat(before).isBetween(0, 79);

            boolean rewrote = compaction.compactOnce();
            // the chunks the rewrite emptied are let go by a later run, once a commit has passed them by
            s.execute("INSERT INTO log VALUES (-1, 'after', CURRENT_TIMESTAMP)");
            compaction.compactOnce();

            assertThat(rewrote).isTrue();
            assertThat(compaction.rewrites()).isGreaterThanOrEqualTo(1);
            assertThat(compaction.fillRate()).isGreaterThan(before);
            try (var rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT ref) FROM log")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(6_001);
                assertThat(rs.getLong(2)).isEqualTo(6_001);
            }
        }
    }

    @Test
    void aDatabaseWithoutAFile_isLeftAlone() throws Exception {
        JdbcDataSource ds = h2("jdbc:h2:mem:compaction-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        EmbeddedDatabaseCompaction compaction = compaction(ds);

        assertThat(compaction.compactOnce()).isFalse();
        assertThat(compaction.fillRate()).isEqualTo(-1);
        assertThat(compaction.rewrites()).isZero();
    }

    @Test
    void settingsOutOfRange_areRefused() {
        JdbcDataSource ds = h2("jdbc:h2:mem:unused");
        assertThatThrownBy(() -> new EmbeddedDatabaseCompaction(ds, new DefaultCamelContext(), new SimpleMeterRegistry(),
                new DatabaseCompactionProperties(true, Duration.ofSeconds(10), 0, DataSize.ofMegabytes(16))))
                .hasMessageContaining("target-fill-rate");
        assertThatThrownBy(() -> new EmbeddedDatabaseCompaction(ds, new DefaultCamelContext(), new SimpleMeterRegistry(),
                new DatabaseCompactionProperties(true, Duration.ZERO, 80, DataSize.ofMegabytes(16))))
                .hasMessageContaining("period");
    }
}
