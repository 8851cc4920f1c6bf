package vn.lienthong.hub.audit.log;

import vn.lienthong.hub.audit.chain.CanonicalForm;

/**
 * What the log keeps of the bodies of an exchange or hop: always their SHA-256, and the bodies themselves only when the
 * deployment has a body encryption key ({@code hub.audit.body-encryption-key}); then they are stored AES-GCM encrypted.
 *
 * @param requestSha256  SHA-256 (hex) of the request bytes, or null
 * @param responseSha256 SHA-256 (hex) of the response bytes, or null
 * @param requestBody    the request bytes, or null when not captured; never stored in clear
 * @param responseBody   the response bytes, or null when not captured; never stored in clear
 */
public record BodyEvidence(String requestSha256, String responseSha256, byte[] requestBody, byte[] responseBody) {

    /** No evidence: the record has no bodies (a refused request, a hop without a byte body). */
    public static final BodyEvidence NONE = new BodyEvidence(null, null, null, null);

    /** Hashes of the given bodies; the bodies are kept for encryption. */
    public static BodyEvidence of(byte[] request, byte[] response) {
        return new BodyEvidence(request == null ? null : CanonicalForm.sha256Hex(request),
                response == null ? null : CanonicalForm.sha256Hex(response), request, response);
    }
}
