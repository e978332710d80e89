package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.spi.WebhookRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HubSpot webhook requests as they reach the service, and v3 signatures computed by hand, apart from the adapter's code. */
final class HubSpotWebhookRequests {
    static final String SECRET = "9f2c1b7e-4d3a-4c55-8e21-hubspot-app";
    static final Instant RECEIVED_AT = Instant.parse("2026-03-02T09:15:30.250Z");
    static final String URI_TEXT = "https://sync.example.com/webhooks/hubspot";
    static final byte[] BODY = ("[{\"eventId\":100,\"subscriptionId\":1234,\"portalId\":62515,\"appId\":1234567,"
            + "\"occurredAt\":1772442928000,\"subscriptionType\":\"contact.propertyChange\",\"attemptNumber\":0,"
            + "\"objectId\":123,\"propertyName\":\"lifecyclestage\",\"propertyValue\":\"opportunity\","
            + "\"changeSource\":\"CRM_UI\",\"sourceId\":\"userId:45678\"}]").getBytes(StandardCharsets.UTF_8);

    private HubSpotWebhookRequests() {
    }

    static WebhookRequest request(String uri, Map<String, String> headers, byte[] body) {
        return new WebhookRequest("POST", URI.create(uri), headers, body, RECEIVED_AT);
    }

    /** Headers HubSpot would send for this URI (as HubSpot signs it), body and timestamp. */
    static Map<String, String> signedHeaders(String secret, String signedUri, byte[] body, String timestamp) {
        return Map.of("X-HubSpot-Signature-v3", signatureV3(secret, "POST", signedUri, body, timestamp),
                "X-HubSpot-Request-Timestamp", timestamp);
    }

    static String signatureV3(String secret, String method, String signedUri, byte[] body, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((method + signedUri).getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return Base64.getEncoder().encodeToString(mac.doFinal(timestamp.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Epoch milliseconds this many milliseconds from {@link #RECEIVED_AT} (negative: before it). */
    static String millisFromReceipt(long offset) {
        return Long.toString(RECEIVED_AT.toEpochMilli() + offset);
    }
}
