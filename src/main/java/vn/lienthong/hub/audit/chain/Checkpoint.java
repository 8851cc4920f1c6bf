package vn.lienthong.hub.audit.chain;

import java.time.Instant;

/**
 * A signed statement by the hub that the chain's record {@code seq} has hash {@code recordHash}. Whoever rewrites the
 * chain before a checkpoint must forge the signature; the verifier checks every checkpoint in the range.
 *
 * @param seq        chain position signed
 * @param recordHash record hash at that position
 * @param signedAt   when it was signed (millisecond precision, part of the signed bytes)
 * @param keyId      first 16 hex digits of the SHA-256 of the public key's encoding
 * @param algorithm  {@code Ed25519} or {@code SHA256withECDSA}
 * @param signature  base64 signature over {@code LTH-CHECKPOINT-1|seq|recordHash|signedAtEpochMillis}
 */
public record Checkpoint(long seq, String recordHash, Instant signedAt, String keyId, String algorithm, String signature) {
}
