package dev.crmsync.testkit.hubspot;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhooks the way HubSpot does. v3: base64 HMAC-SHA256 under the client secret of
 * {@code method + URI + body + timestamp}, the URI with HubSpot's twelve reserved-character escapes
 * decoded. v1 (still sent for webhooks-API subscriptions): hex SHA-256 of {@code client secret + body}.
 */
final class WebhookSigner {
    private static final Map<String, Character> DECODED = Map.ofEntries(
            Map.entry("3A", ':'), Map.entry("2F", '/'), Map.entry("3F", '?'), Map.entry("40", '@'),
            Map.entry("21", '!'), Map.entry("24", '$'), Map.entry("27", '\''), Map.entry("28", '('),
            Map.entry("29", ')'), Map.entry("2A", '*'), Map.entry("2C", ','), Map.entry("3B", ';'));

    private WebhookSigner() {
    }

    static String v3(String clientSecret, String method, URI target, byte[] body, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((method + signedUri(target)).getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return Base64.getEncoder().encodeToString(mac.doFinal(timestamp.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static String v1(String clientSecret, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(clientSecret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

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
}
