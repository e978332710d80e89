package dev.crmsync.service.reliability;

import dev.crmsync.service.RunningService;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The contract's HMAC form for Instantly webhooks: hex HMAC-SHA256 of {@code <timestamp>.<body>} under the webhook secret. */
final class InstantlyHmac {
    private InstantlyHmac() {
    }

    static Map<String, String> headers(Instant at, byte[] body) {
        String ts = Long.toString(at.getEpochSecond());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(RunningService.WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((ts + ".").getBytes(StandardCharsets.UTF_8));
            return Map.of("X-Instantly-Timestamp", ts, "X-Instantly-Signature", HexFormat.of().formatHex(mac.doFinal(body)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
