package dev.crmsync.adapter.instantly;

import dev.crmsync.core.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The HMAC form of Instantly webhook authentication: lower-case hex HMAC-SHA256 of {@code <timestamp>.<raw body>}. */
final class InstantlySignature {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int HEX_LENGTH = 64;

    private final Secret secret;

    InstantlySignature(Secret secret) {
        this.secret = secret;
    }

    /** Exactly 64 characters of {@code 0-9a-f}: upper case and prefixes are refused, not repaired. */
    static boolean isWellFormed(String candidate) {
        return candidate.length() == HEX_LENGTH
                && candidate.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    /** Constant-time comparison of {@code candidate} with the signature of {@code timestamp} and {@code body}. */
    boolean matches(String timestamp, byte[] body, String candidate) {
        byte[] expected = sign(timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
    }

    String sign(String timestamp, byte[] body) {
        try {
            // A Mac is stateful and not thread-safe, so each verification gets its own.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.bytes(), ALGORITHM));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
