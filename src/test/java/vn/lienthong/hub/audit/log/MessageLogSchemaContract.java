package vn.lienthong.hub.audit.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.lienthong.hub.DatabaseContract;
import vn.lienthong.hub.TestDatabase;
import vn.lienthong.hub.audit.MessageLogRecord;
import vn.lienthong.hub.audit.Outcome;

/** The same Flyway schema and message-log queries, run against each database the hub supports. */
abstract class MessageLogSchemaContract extends DatabaseContract {

    /** On an empty database of this test's own. */
    protected MessageLogSchemaContract(TestDatabase database) {
        super(database);
    }

    @Test
    void migratesAndStoresRecordsWithVietnameseTextIntact() {
        assertThat(database().migrate().success).isTrue();

        JdbcMessageLog log = new JdbcMessageLog(new JdbcTemplate(dataSource()));
        Instant in = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        log.append(new MessageLogRecord(null, "EXCHANGE", "schema-tx", "hub-1", "REST", "000.00.00.H22:MOTCUA",
                "Cán bộ Nguyễn Thị Lụa", "1.003560.000.00.00.H22", "citizen-lookup", "LookupCitizen", "ab".repeat(32),
                Outcome.NOT_FOUND, "NOT_FOUND", "không tìm thấy công dân", 404, in, in.plusMillis(12), 12, 80L, 300L));

        var records = log.findByTransaction("schema-tx");
        assertThat(records).hasSize(1);
        MessageLogRecord record = records.get(0);
        assertThat(record.id()).isNotNull();
        assertThat(record.userId()).isEqualTo("Cán bộ Nguyễn Thị Lụa");
        assertThat(record.errorText()).isEqualTo("không tìm thấy công dân");
        assertThat(record.outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(record.timeIn()).isEqualTo(in);
        assertThat(record.timeOut()).isEqualTo(in.plusMillis(12));
        assertThat(record.httpStatus()).isEqualTo(404);
        assertThat(record.requestSize()).isEqualTo(80L);
    }
}
