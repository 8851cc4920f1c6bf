package vn.lienthong.hub.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The message log in the hub's database (H2 embedded, PostgreSQL in production). */
@Repository
public class JdbcMessageLog implements MessageLog {

    static final String COLUMNS = "id, record_type, transaction_id, hub_instance, channel, client_id, user_id, purpose, service,"
            + " operation, subject_ref, outcome, error_code, error_text, http_status, time_in, time_out, duration_ms,"
            + " request_size, response_size";

    private final JdbcTemplate jdbc;

    public JdbcMessageLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(MessageLogRecord r) {
        jdbc.update("INSERT INTO message_log (record_type, transaction_id, hub_instance, channel, client_id, user_id, purpose,"
                        + " service, operation, subject_ref, outcome, error_code, error_text, http_status, time_in, time_out,"
                        + " duration_ms, request_size, response_size) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                r.recordType(), r.transactionId(), r.hubInstance(), r.channel(), r.clientId(), r.userId(), r.purpose(),
                r.service(), r.operation(), r.subjectRef(), r.outcome().name(), r.errorCode(), truncate(r.errorText()),
                r.httpStatus(), Timestamp.from(r.timeIn()), Timestamp.from(r.timeOut()), r.durationMillis(),
                r.requestSize(), r.responseSize());
    }

    @Override
    public List<MessageLogRecord> findByTransaction(String transactionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM message_log WHERE transaction_id = ? ORDER BY id",
                JdbcMessageLog::map, transactionId);
    }

    static MessageLogRecord map(ResultSet rs, int row) throws SQLException {
        return new MessageLogRecord(rs.getLong("id"), rs.getString("record_type"), rs.getString("transaction_id"),
                rs.getString("hub_instance"), rs.getString("channel"), rs.getString("client_id"), rs.getString("user_id"),
                rs.getString("purpose"), rs.getString("service"), rs.getString("operation"), rs.getString("subject_ref"),
                Outcome.valueOf(rs.getString("outcome")), rs.getString("error_code"), rs.getString("error_text"),
                (Integer) rs.getObject("http_status"), rs.getTimestamp("time_in").toInstant(),
                rs.getTimestamp("time_out").toInstant(), rs.getLong("duration_ms"),
                (Long) rs.getObject("request_size"), (Long) rs.getObject("response_size"));
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
