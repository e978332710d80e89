package dev.crmsync.service.reliability;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HubSpot's webhook signature v3 for the fuzz corpus: base64 HMAC-SHA256 under the app's client secret
 * of {@code method + URI + body + timestamp} (milliseconds), the URI as the request reaches the service.
 */
final class HubSpotSigning {
    static final String CLIENT_SECRET = "fuzz-hubspot-client-secret";
    static final long APP_ID = 777_002L;

    private final URI endpoint;

    HubSpotSigning(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** A contact property change event as HubSpot sends it. */
    String event(long eventId) {
        return "{\"eventId\":" + eventId + ",\"subscriptionId\":1,\"portalId\":62515,\"appId\":" + APP_ID
                + ",\"occurredAt\":" + Instant.now().toEpochMilli() + ",\"subscriptionType\":\"contact.propertyChange\","
                + "\"attemptNumber\":0,\"objectId\":12345,\"propertyName\":\"lifecyclestage\","
                + "\"propertyValue\":\"opportunity\",\"changeSource\":\"CRM_UI\",\"sourceId\":\"userId:1\"}";
    }

    Map<String, String> headers(String body, Instant at) {
        String ts = Long.toString(at.toEpochMilli());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(CLIENT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(("POST" + endpoint).getBytes(StandardCharsets.UTF_8));
            mac.update(body.getBytes(StandardCharsets.ISO_8859_1.newEncoder().canEncode(body)
                    ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
            String signature = Base64.getEncoder().encodeToString(mac.doFinal(ts.getBytes(StandardCharsets.UTF_8)));
            return Map.of("X-HubSpot-Signature-v3", signature, "X-HubSpot-Request-Timestamp", ts);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    FuzzCase signed(String name, String body, Instant at, boolean mayBeAccepted) {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1.newEncoder().canEncode(body)
                ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        return new FuzzCase(name, FuzzCorpus.HUBSPOT, "application/json", headers(body, at), bytes, mayBeAccepted);
    }
}
