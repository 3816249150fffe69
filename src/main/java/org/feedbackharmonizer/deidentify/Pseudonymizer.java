package org.feedbackharmonizer.deidentify;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a normalized CyberTipline report number into the schema's {@code referral_key}: HMAC-SHA256 under the
 * run's secret, first 128 bits as 32 lowercase hex. Without the secret the key can be neither reversed nor
 * recomputed (report numbers are short and sequential, so a plain hash could be brute-forced in seconds).
 *
 * <p>Thread-safe: each thread keeps its own initialised {@link Mac}, because {@code Mac.getInstance} and
 * {@code init} cost far more than the MAC itself and a run makes about a million calls on several threads.
 */
public final class Pseudonymizer {
    public static final int MIN_KEY_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] FINGERPRINT_LABEL = "feedback-harmonizer key fingerprint".getBytes(US_ASCII);
    private static final HexFormat HEX = HexFormat.of();
    private static final int KEY_BYTES_KEPT = 16;

    private final ThreadLocal<Mac> mac;
    private final String fingerprint;

    /** @param key the secret, at least 32 bytes; it is copied, so the caller may wipe its array */
    public Pseudonymizer(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "a pseudonymization key needs at least " + MIN_KEY_BYTES + " bytes, this one has " + key.length);
        }
        SecretKeySpec spec = new SecretKeySpec(key, ALGORITHM); // copies the array
        newMac(spec); // fail now, not on the first row of a worker thread
        this.mac = ThreadLocal.withInitial(() -> newMac(spec));
        this.fingerprint = fingerprintOf(key);
    }

    /**
     * The referral key of a report number.
     *
     * @param normalizedReportNumber ASCII digits, no leading zeros (the mapping's normalized form)
     * @throws IllegalArgumentException if the number is not normalized; the message does not repeat it
     */
    public String referralKey(String normalizedReportNumber) {
        byte[] digits = asciiDigits(normalizedReportNumber);
        byte[] mac = this.mac.get().doFinal(digits); // doFinal resets the Mac for the next call
        return HEX.formatHex(mac, 0, KEY_BYTES_KEPT);
    }

    /**
     * First 16 hex of SHA-256("feedback-harmonizer key fingerprint" || key). Safe to publish (run summary,
     * logs): it tells two runs apart by key without revealing anything usable about the key.
     */
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public String toString() {
        return "Pseudonymizer[key fingerprint " + fingerprint + "]";
    }

    static String fingerprintOf(byte[] key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(FINGERPRINT_LABEL);
            sha256.update(key);
            return HEX.formatHex(sha256.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static Mac newMac(SecretKeySpec spec) {
        try {
            Mac m = Mac.getInstance(ALGORITHM);
            m.init(spec);
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private static byte[] asciiDigits(String number) {
        if (number == null || number.isEmpty()) {
            throw new IllegalArgumentException("report number is empty");
        }
        int n = number.length();
        byte[] digits = new byte[n];
        for (int i = 0; i < n; i++) {
            char ch = number.charAt(i);
            if (ch < '0' || ch > '9' || (i == 0 && ch == '0')) {
                throw new IllegalArgumentException(
                        "report number is not normalized: expected ASCII digits without leading zeros");
            }
            digits[i] = (byte) ch;
        }
        return digits;
    }
}
