package vn.lienthong.hub.audit.chain;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Verifies a contiguous range of the chain, record by record in {@code seq} order, without holding the range in
 * memory: each record's hash is recomputed, its previous hash compared with the record before it, gaps and
 * out-of-order positions reported, and each checkpoint in the range checked for its signature and against the record
 * it signs. Every problem names the record (seq and database id) where it shows. The same code runs in the hub
 * ({@code GET /api/v1/audit/verify}) and offline ({@link OfflineVerifier}).
 */
public final class ChainVerifier {

    /** Problems kept at most; the count of all problems is still reported. */
    static final int MAX_PROBLEMS = 200;

    private final PublicKey publicKey;
    private final String anchor;
    private final TreeMap<Long, Checkpoint> checkpoints = new TreeMap<>();
    private final List<VerificationReport.Problem> problems = new ArrayList<>();
    private long problemCount;
    private ChainedRecord previous;
    private Long firstSeq;
    private long records;
    private int checkpointsChecked;
    private Long lastGoodCheckpoint;

    /**
     * @param publicKey   the checkpoint key; null checks the chain only
     * @param anchor      the previous hash the first record must name (the genesis hash, or an archive's last hash);
     *                    null when the range starts somewhere unknown
     * @param checkpoints checkpoints that may fall in the range
     */
    public ChainVerifier(PublicKey publicKey, String anchor, Collection<Checkpoint> checkpoints) {
        this.publicKey = publicKey;
        this.anchor = anchor;
        checkpoints.forEach(c -> this.checkpoints.put(c.seq(), c));
    }

    /** Checks the next record of the range. */
    public void accept(ChainedRecord r) {
        records++;
        long seq = r.seq() == null ? -1 : r.seq();
        if (previous == null) {
            firstSeq = seq;
            if (anchor != null && !anchor.equals(r.prevHash())) {
                problem("CHAIN_BROKEN", r, "the first record does not follow the expected previous hash " + anchor
                        + " (records before it were removed, or it was inserted)");
            }
        } else {
            long before = previous.seq() == null ? -1 : previous.seq();
            if (seq <= before) {
                problem("OUT_OF_ORDER", r, "seq " + seq + " comes after seq " + before);
            } else if (seq != before + 1) {
                problem("RECORD_MISSING", r, "seq " + (before + 1) + (seq - 1 > before + 1 ? " to " + (seq - 1) : "")
                        + " missing between record id " + previous.id() + " and record id " + r.id());
            }
            if (r.prevHash() == null || !r.prevHash().equals(previous.recordHash())) {
                problem("CHAIN_BROKEN", r, "previous hash does not match the record hash of seq " + before
                        + " (a record was removed, inserted, reordered or rewritten before this one)");
            }
        }
        String computed = CanonicalForm.hash(r);
        if (!computed.equals(r.recordHash())) {
            problem("RECORD_ALTERED", r, "content does not match its record hash (stored " + r.recordHash()
                    + ", computed " + computed + ")");
        }
        Checkpoint checkpoint = checkpoints.get(seq);
        if (checkpoint != null) {
            checkpointsChecked++;
            if (publicKey != null && !CheckpointKeys.verify(checkpoint, publicKey)) {
                problem("CHECKPOINT_INVALID", r, "the checkpoint at seq " + seq + " has no valid signature of key "
                        + checkpoint.keyId());
            } else if (!checkpoint.recordHash().equals(r.recordHash())) {
                problem("CHECKPOINT_MISMATCH", r, "the signed checkpoint names hash " + checkpoint.recordHash()
                        + " but the record has " + r.recordHash() + ": records after seq "
                        + (lastGoodCheckpoint == null ? "?" : lastGoodCheckpoint) + " up to " + seq + " were rewritten");
            } else {
                lastGoodCheckpoint = seq;
            }
        }
        previous = r;
    }

    /** A row that has no place in the chain (no seq): slipped in outside the writer, or written before the chain existed. */
    public void unchained(long id, String transactionId) {
        problems("RECORD_UNCHAINED", null, id, "record id " + id + " has no chain position [transaction " + transactionId + "]");
    }

    /** The report over what was accepted; {@code head}, when given, is where the database says the chain ends. */
    public VerificationReport finish(Map.Entry<Long, String> head) {
        if (head != null && previous != null && previous.seq() != null) {
            if (previous.seq() < head.getKey()) {
                problems("RECORD_MISSING", head.getKey(), null, "the chain head is at seq " + head.getKey()
                        + " but the last record is seq " + previous.seq() + ": records at the end were removed");
            } else if (previous.seq() > head.getKey() || previous.seq().equals(head.getKey())
                    && !head.getValue().equals(previous.recordHash())) {
                problems("CHAIN_BROKEN", previous.seq(), previous.id(), "the chain head (seq " + head.getKey()
                        + ") does not match the last record: records were appended or rewritten at the end");
            }
        }
        return new VerificationReport(problemCount == 0, firstSeq, previous == null ? null : previous.seq(), records,
                checkpointsChecked, lastGoodCheckpoint, problemCount, List.copyOf(problems));
    }

    private void problem(String kind, ChainedRecord r, String detail) {
        problems(kind, r.seq(), r.id(), detail + (r.transactionId() == null ? "" : " [transaction " + r.transactionId() + "]"));
    }

    private void problems(String kind, Long seq, Long id, String detail) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new VerificationReport.Problem(kind, seq, id, detail));
        }
    }
}
