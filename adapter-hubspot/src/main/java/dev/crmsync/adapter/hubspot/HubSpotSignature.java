package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.config.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HubSpot's request signature v3: the base64 HMAC-SHA256, under the app's client secret, of the UTF-8
 * string {@code method + URI + raw body + X-HubSpot-Request-Timestamp}. Before signing, HubSpot decodes
 * the percent-escapes of twelve reserved characters in the URI ({@link #signedUri}); every other
 * escape, {@code %20} included, stays as sent.
 */
final class HubSpotSignature {
    private static final String ALGORITHM = "HmacSHA256";
    private static final Map<String, Character> DECODED = Map.ofEntries(
            Map.entry("3A", ':'), Map.entry("2F", '/'), Map.entry("3F", '?'), Map.entry("40", '@'),
            Map.entry("21", '!'), Map.entry("24", '$'), Map.entry("27", '\''), Map.entry("28", '('),
            Map.entry("29", ')'), Map.entry("2A", '*'), Map.entry("2C", ','), Map.entry("3B", ';'));

    private final Secret clientSecret;

    HubSpotSignature(Secret clientSecret) {
        this.clientSecret = clientSecret;
    }

    /** The URI as HubSpot signs it: the raw form, with only the escapes of HubSpot's table decoded. */
    static String signedUri(URI uri) {
        String raw = uri.toString();
        StringBuilder signed = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            Character decoded = c == '%' && i + 2 < raw.length()
                    ? DECODED.get(raw.substring(i + 1, i + 3).toUpperCase(Locale.ROOT)) : null;
            if (decoded != null) {
                signed.append(decoded.charValue());
                i += 2;
            } else {
                signed.append(c);
            }
        }
        return signed.toString();
    }

    String sign(String method, URI uri, byte[] body, String timestamp) {
        try {
            // A Mac is stateful and not thread-safe, so each verification gets its own.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(clientSecret.bytes(), ALGORITHM));
            mac.update((method + signedUri(uri)).getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return Base64.getEncoder().encodeToString(mac.doFinal(timestamp.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Constant-time comparison of {@code candidate} with the signature of the request's parts. */
    boolean matches(String method, URI uri, byte[] body, String timestamp, String candidate) {
        byte[] expected = sign(method, uri, body, timestamp).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8));
    }
}
