package dev.crmsync.testkit.hubspot;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/** Reads webhook bodies and computes HubSpot's v3 signature independently of the simulator's signer. */
final class WebhookBodies {
    private WebhookBodies() {
    }

    static List<JsonNode> events(byte[] body) {
        List<JsonNode> events = new ArrayList<>();
        SimHttp.JSON.readTree(body).forEach(events::add);
        return events;
    }

    /** base64(HMAC-SHA256(secret, method + signedUri + body + timestamp)); the URI as HubSpot signs it, given by the test. */
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
}
