package vn.lienthong.hub.audit.chain;

import java.util.List;

/**
 * The result of verifying a range of the chain.
 *
 * @param valid              no problem found
 * @param firstSeq           first record checked
 * @param lastSeq            last record checked
 * @param recordsChecked     records checked
 * @param checkpointsChecked signed checkpoints checked in the range
 * @param lastGoodCheckpoint highest checkpoint whose signature and hash matched
 * @param problemCount       all problems found ({@code problems} keeps the first 200)
 * @param problems           each problem located at a record
 */
public record VerificationReport(boolean valid, Long firstSeq, Long lastSeq, long recordsChecked, int checkpointsChecked,
        Long lastGoodCheckpoint, long problemCount, List<Problem> problems) {

    /**
     * One problem.
     *
     * @param kind     RECORD_ALTERED, CHAIN_BROKEN, RECORD_MISSING, OUT_OF_ORDER, RECORD_UNCHAINED, CHECKPOINT_INVALID,
     *                 CHECKPOINT_MISMATCH
     * @param seq      chain position where it shows
     * @param recordId database id of that record, when known
     * @param detail   what is wrong
     */
    public record Problem(String kind, Long seq, Long recordId, String detail) {
    }
}
