package vn.lienthong.hub.audit.log;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts bodies kept as evidence with AES-256-GCM. The stored text is base64 of {@code iv(12) ‖ ciphertext ‖ tag(16)};
 * the additional authenticated data is {@code transactionId + ":" + part} ({@code request} or {@code response}), so a
 * body cannot be moved to another record without failing to decrypt.
 */
public final class BodyCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param base64Key 32 bytes, base64 encoded ({@code openssl rand -base64 32}) */
    public BodyCipher(String base64Key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("hub.audit.body-encryption-key must be base64", e);
        }
        if (raw.length != 32) {
            throw new IllegalStateException("hub.audit.body-encryption-key must be 32 bytes (base64 of 32 random bytes)");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public String encrypt(byte[] body, String transactionId, String part) {
        if (body == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD((transactionId + ":" + part).getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(body);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    public byte[] decrypt(String stored, String transactionId, String part) throws GeneralSecurityException {
        byte[] all = Base64.getDecoder().decode(stored);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
        cipher.updateAAD((transactionId + ":" + part).getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
    }
}
