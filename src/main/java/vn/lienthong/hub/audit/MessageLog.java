package vn.lienthong.hub.audit;

import java.util.List;

/** The message log auditors trust: who asked for whose data, when, why, and how it ended. */
public interface MessageLog {

    /** Stores a record; the platform calls this, never a flow. */
    void append(MessageLogRecord record);

    /** Every record of one transaction, in the order written. */
    List<MessageLogRecord> findByTransaction(String transactionId);
}
