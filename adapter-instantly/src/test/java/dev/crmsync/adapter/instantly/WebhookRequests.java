package dev.crmsync.adapter.instantly;

import dev.crmsync.core.spi.WebhookRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Webhook requests as they reach the service, and signatures computed the way a signing proxy would. */
final class WebhookRequests {
    static final String SECRET = "whsec-7f3a9c2e51b84d06";
    static final Instant RECEIVED_AT = Instant.parse("2026-01-28T14:32:12.500Z");
    static final byte[] BODY = "{\"event_type\":\"reply_received\",\"lead_email\":\"ann@x.io\"}"
            .getBytes(StandardCharsets.UTF_8);

    private WebhookRequests() {
    }

    static WebhookRequest withHeaders(Map<String, String> headers) {
        return withHeaders(headers, BODY);
    }

    static WebhookRequest withHeaders(Map<String, String> headers, byte[] body) {
        return new WebhookRequest("POST", URI.create("https://sync.example/webhooks/instantly"), headers, body,
                RECEIVED_AT);
    }

    static String hmacHex(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unix seconds this many seconds from {@link #RECEIVED_AT} (negative: before it). */
    static String secondsFromReceipt(long offset) {
        return Long.toString(RECEIVED_AT.getEpochSecond() + offset);
    }
}
