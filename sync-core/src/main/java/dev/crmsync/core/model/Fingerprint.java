package dev.crmsync.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * SHA-256 fingerprints: a short prefix of a value, so logs can correlate a person without naming them,
 * and the full hashes behind webhook dedup keys.
 */
public final class Fingerprint {
    private static final MessageDigest SHA_256;

    static {
        try {
            SHA_256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private Fingerprint() {
    }

    public static String of(String value) {
        return sha256Hex(value).substring(0, 12);
    }

    public static String sha256Hex(String value) {
        return sha256Hex(value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * SHA-256 of the compact JSON array of these strings ({@code null} as JSON {@code null}): the text is
     * what Jackson writes for an {@code ArrayNode} of them, character for character, built without a
     * serializer because webhook dedup keys are hashed this way on every request.
     */
    public static String sha256HexOfJsonArray(String... parts) {
        StringBuilder json = new StringBuilder(256).append('[');
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            if (parts[i] == null) {
                json.append("null");
            } else {
                json.append('"');
                JsonStringEncoder.getInstance().quoteAsString(parts[i], json);
                json.append('"');
            }
        }
        return sha256Hex(json.append(']').toString());
    }

    private static String sha256Hex(byte[] value) {
        // A copy of one digest: looking SHA-256 up in the providers, or in a thread-local on Tomcat's
        // threads, cost more than hashing a webhook's key.
        try {
            return HexFormat.of().formatHex(((MessageDigest) SHA_256.clone()).digest(value));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }
}
