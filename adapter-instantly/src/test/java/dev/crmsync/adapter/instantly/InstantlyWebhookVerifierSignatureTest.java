package dev.crmsync.adapter.instantly;

import static dev.crmsync.adapter.instantly.WebhookRequests.BODY;
import static dev.crmsync.adapter.instantly.WebhookRequests.SECRET;
import static dev.crmsync.adapter.instantly.WebhookRequests.hmacHex;
import static dev.crmsync.adapter.instantly.WebhookRequests.secondsFromReceipt;
import static dev.crmsync.adapter.instantly.WebhookRequests.withHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.config.Secret;
import dev.crmsync.core.spi.Verification;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HMAC form: hex HMAC-SHA256 of {@code <timestamp>.<raw body>}, timestamp within the tolerance. */
class InstantlyWebhookVerifierSignatureTest {
    private final InstantlyWebhookVerifier verifier =
            new InstantlyWebhookVerifier(Secret.of(SECRET), Duration.ofSeconds(300));

    private Verification signed(String timestamp, String signature, byte[] body) {
        return verifier.verify(withHeaders(
                Map.of("X-Instantly-Timestamp", timestamp, "X-Instantly-Signature", signature), body));
    }

    @Test
    void acceptsSignatureOfTimestampAndRawBody() {
        String timestamp = secondsFromReceipt(-2);

        Verification result = signed(timestamp, hmacHex(SECRET, timestamp, BODY), BODY);

        assertThat(result).isEqualTo(Verification.verified("hmac"));
    }

    @Test
    void rejectsBodyAlteredByOneByte() {
        String timestamp = secondsFromReceipt(0);
        String signature = hmacHex(SECRET, timestamp, BODY);
        byte[] altered = BODY.clone();
        altered[altered.length - 3] ^= 1;

        Verification result = signed(timestamp, signature, altered);

        assertThat(result).isEqualTo(Verification.rejected(
                "X-Instantly-Signature does not match the body and X-Instantly-Timestamp"));
    }

    @Test
    void rejectsSignatureOverAnotherTimestamp() {
        String signature = hmacHex(SECRET, secondsFromReceipt(0), BODY);

        Verification result = signed(secondsFromReceipt(1), signature, BODY);

        assertThat(result.isVerified()).isFalse();
    }

    @Test
    void rejectsSignatureUnderAnotherSecret() {
        String timestamp = secondsFromReceipt(0);

        Verification result = signed(timestamp, hmacHex("another-secret", timestamp, BODY), BODY);

        assertThat(result.isVerified()).isFalse();
    }

    @Test
    void rejectsUpperCaseHex() {
        String timestamp = secondsFromReceipt(0);
        String upper = hmacHex(SECRET, timestamp, BODY).toUpperCase(Locale.ROOT);

        Verification result = signed(timestamp, upper, BODY);

        assertThat(result).isEqualTo(Verification.rejected("X-Instantly-Signature must be 64 lower-case hex "
                + "characters (HMAC-SHA256, no prefix such as 'sha256=')"));
    }

    @Test
    void rejectsSha256Prefix() {
        String timestamp = secondsFromReceipt(0);

        Verification result = signed(timestamp, "sha256=" + hmacHex(SECRET, timestamp, BODY), BODY);

        assertThat(result.isVerified()).isFalse();
        assertThat(((Verification.Rejected) result).reason()).contains("no prefix");
    }

    @Test
    void acceptsTimestampsExactlyAtTheToleranceEitherWay() {
        for (long offset : new long[] {-300, 300}) {
            String timestamp = secondsFromReceipt(offset);

            Verification result = signed(timestamp, hmacHex(SECRET, timestamp, BODY), BODY);

            assertThat(result.isVerified()).as("offset %d s", offset).isTrue();
        }
    }

    @Test
    void rejectsTimestampsJustOutsideTheToleranceEitherWay() {
        for (long offset : new long[] {-301, 301}) {
            String timestamp = secondsFromReceipt(offset);

            Verification result = signed(timestamp, hmacHex(SECRET, timestamp, BODY), BODY);

            assertThat(result).as("offset %d s", offset).isEqualTo(Verification.rejected(
                    "X-Instantly-Timestamp is 301 s away from now; at most 300 s allowed"));
        }
    }

    @Test
    void saysHowFarAStaleTimestampIs() {
        String timestamp = secondsFromReceipt(-412);

        Verification result = signed(timestamp, hmacHex(SECRET, timestamp, BODY), BODY);

        assertThat(result).isEqualTo(Verification.rejected(
                "X-Instantly-Timestamp is 412 s away from now; at most 300 s allowed"));
    }

    @Test
    void honoursTheConfiguredTolerance() {
        InstantlyWebhookVerifier strict = new InstantlyWebhookVerifier(Secret.of(SECRET), Duration.ofSeconds(60));
        String timestamp = secondsFromReceipt(61);

        Verification result = strict.verify(withHeaders(Map.of("X-Instantly-Timestamp", timestamp,
                "X-Instantly-Signature", hmacHex(SECRET, timestamp, BODY))));

        assertThat(result).isEqualTo(Verification.rejected(
                "X-Instantly-Timestamp is 61 s away from now; at most 60 s allowed"));
    }

    @Test
    void rejectsMalformedTimestamps() {
        for (String timestamp : new String[] {"2026-01-28T14:32:11Z", "1769610731.5", "-1769610731", "", "abc"}) {
            Verification result = signed(timestamp, hmacHex(SECRET, timestamp, BODY), BODY);

            assertThat(result).as("timestamp '%s'", timestamp).isEqualTo(
                    Verification.rejected("X-Instantly-Timestamp must be unix seconds (digits only)"));
        }
    }

    @Test
    void rejectsSignatureWithoutTimestamp() {
        Verification result = verifier.verify(withHeaders(Map.of("X-Instantly-Signature", "0".repeat(64))));

        assertThat(result).isEqualTo(Verification.rejected(
                "X-Instantly-Signature needs X-Instantly-Timestamp (unix seconds)"));
    }

    @Test
    void timestampAloneIsNoCredential() {
        Verification result = verifier.verify(withHeaders(Map.of("X-Instantly-Timestamp", secondsFromReceipt(0))));

        assertThat(((Verification.Rejected) result).reason()).startsWith("missing authentication");
    }
}
