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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared-secret forms and the order in which credentials are considered. */
class InstantlyWebhookVerifierTest {
    private final InstantlyWebhookVerifier verifier =
            new InstantlyWebhookVerifier(Secret.of(SECRET), Duration.ofSeconds(300));

    @Test
    void acceptsMatchingSecretHeader() {
        Verification result = verifier.verify(withHeaders(Map.of("X-Webhook-Secret", SECRET)));

        assertThat(result).isEqualTo(Verification.verified("secret-header"));
    }

    @Test
    void headerNamesAreMatchedWhateverTheirCase() {
        Verification result = verifier.verify(withHeaders(Map.of("x-webhook-secret", SECRET)));

        assertThat(result.isVerified()).isTrue();
    }

    @Test
    void rejectsWrongSecretHeaderWithoutEchoingEitherSecret() {
        Verification result = verifier.verify(withHeaders(Map.of("X-Webhook-Secret", "guess-123")));

        assertThat(result).isEqualTo(Verification.rejected("X-Webhook-Secret does not match"));
        assertThat(result.toString()).doesNotContain(SECRET).doesNotContain("guess-123");
    }

    @Test
    void acceptsMatchingBearerToken() {
        Verification result = verifier.verify(withHeaders(Map.of("Authorization", "Bearer " + SECRET)));

        assertThat(result).isEqualTo(Verification.verified("bearer"));
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        Verification result = verifier.verify(withHeaders(Map.of("Authorization", "bearer " + SECRET)));

        assertThat(result.isVerified()).isTrue();
    }

    @Test
    void rejectsWrongBearerToken() {
        Verification result = verifier.verify(withHeaders(Map.of("Authorization", "Bearer " + SECRET + "x")));

        assertThat(result).isEqualTo(Verification.rejected("Authorization: Bearer token does not match"));
    }

    @Test
    void rejectsBearerWithoutToken() {
        Verification result = verifier.verify(withHeaders(Map.of("Authorization", "Bearer")));

        assertThat(result.isVerified()).isFalse();
    }

    @Test
    void rejectsAuthorizationOfAnotherScheme() {
        Verification result = verifier.verify(withHeaders(Map.of("Authorization", "Basic dXNlcjpwYXNz")));

        assertThat(result).isEqualTo(Verification.rejected("Authorization must use the Bearer scheme"));
    }

    @Test
    void rejectsRequestWithoutAnyCredential() {
        Verification result = verifier.verify(withHeaders(Map.of("Content-Type", "application/json")));

        assertThat(result).isEqualTo(Verification.rejected("missing authentication: send X-Webhook-Secret, "
                + "Authorization: Bearer, or X-Instantly-Signature with X-Instantly-Timestamp"));
    }

    @Test
    void wrongSecretHeaderDecidesEvenWhenBearerWouldMatch() {
        Verification result = verifier.verify(withHeaders(Map.of(
                "X-Webhook-Secret", "wrong", "Authorization", "Bearer " + SECRET)));

        assertThat(result).isEqualTo(Verification.rejected("X-Webhook-Secret does not match"));
    }

    @Test
    void wrongBearerDecidesEvenWhenSignatureWouldMatch() {
        String timestamp = secondsFromReceipt(0);
        Verification result = verifier.verify(withHeaders(Map.of(
                "Authorization", "Bearer wrong",
                "X-Instantly-Timestamp", timestamp,
                "X-Instantly-Signature", hmacHex(SECRET, timestamp, BODY))));

        assertThat(result).isEqualTo(Verification.rejected("Authorization: Bearer token does not match"));
    }

    @Test
    void matchingSecretHeaderDecidesBeforeAStaleSignature() {
        Verification result = verifier.verify(withHeaders(Map.of(
                "X-Webhook-Secret", SECRET,
                "X-Instantly-Timestamp", secondsFromReceipt(-10_000),
                "X-Instantly-Signature", "0".repeat(64))));

        assertThat(result).isEqualTo(Verification.verified("secret-header"));
    }
}
