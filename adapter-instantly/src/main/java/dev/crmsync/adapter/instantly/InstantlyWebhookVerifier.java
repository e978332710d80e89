package dev.crmsync.adapter.instantly;

import dev.crmsync.core.config.Secret;
import dev.crmsync.core.spi.Verification;
import dev.crmsync.core.spi.WebhookRequest;
import dev.crmsync.core.spi.WebhookVerifier;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks that a webhook comes from Instantly (or a signing proxy in front of it), by the first
 * credential the request presents, in this order:
 * <ol>
 *   <li>{@code X-Webhook-Secret: <secret>}, the custom header Instantly itself is configured to send;</li>
 *   <li>{@code Authorization: Bearer <secret>};</li>
 *   <li>{@code X-Instantly-Signature}: lower-case hex HMAC-SHA256 of {@code <X-Instantly-Timestamp>.<raw body>}
 *       under the secret, no prefix, with the timestamp (unix seconds) within the tolerance of
 *       {@link WebhookRequest#receivedAt()} either way.</li>
 * </ol>
 * A wrong first credential is rejected even if a later one would match, so a request cannot probe
 * one credential with another. Comparisons take constant time; reasons never echo a credential.
 */
public final class InstantlyWebhookVerifier implements WebhookVerifier {
    static final String SECRET_HEADER = "X-Webhook-Secret";
    static final String SIGNATURE_HEADER = "X-Instantly-Signature";
    static final String TIMESTAMP_HEADER = "X-Instantly-Timestamp";
    private static final String BEARER = "bearer ";

    private final Secret secret;
    private final InstantlySignature signature;
    private final Duration tolerance;

    public InstantlyWebhookVerifier(Secret secret, Duration tolerance) {
        this.secret = Objects.requireNonNull(secret, "secret");
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("the webhook secret must not be empty");
        }
        this.signature = new InstantlySignature(secret);
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
    }

    @Override
    public Verification verify(WebhookRequest request) {
        Optional<String> header = request.header(SECRET_HEADER);
        if (header.isPresent()) {
            return secret.matches(header.get().strip())
                    ? Verification.verified("secret-header")
                    : Verification.rejected(SECRET_HEADER + " does not match");
        }
        Optional<String> authorization = request.header("Authorization");
        if (authorization.isPresent() && isBearer(authorization.get())) {
            String token = authorization.get().strip().substring(BEARER.length() - 1).strip();
            return secret.matches(token)
                    ? Verification.verified("bearer")
                    : Verification.rejected("Authorization: Bearer token does not match");
        }
        Optional<String> signed = request.header(SIGNATURE_HEADER);
        if (signed.isPresent()) {
            return verifySignature(request, signed.get().strip());
        }
        if (authorization.isPresent()) {
            return Verification.rejected("Authorization must use the Bearer scheme");
        }
        return Verification.rejected("missing authentication: send " + SECRET_HEADER
                + ", Authorization: Bearer, or " + SIGNATURE_HEADER + " with " + TIMESTAMP_HEADER);
    }

    private Verification verifySignature(WebhookRequest request, String candidate) {
        Optional<String> timestamp = request.header(TIMESTAMP_HEADER).map(String::strip);
        if (timestamp.isEmpty()) {
            return Verification.rejected(SIGNATURE_HEADER + " needs " + TIMESTAMP_HEADER + " (unix seconds)");
        }
        long seconds;
        try {
            seconds = parseUnixSeconds(timestamp.get());
        } catch (NumberFormatException e) {
            return Verification.rejected(TIMESTAMP_HEADER + " must be unix seconds (digits only)");
        }
        long away = Math.abs(request.receivedAt().getEpochSecond() - seconds);
        if (away > tolerance.toSeconds()) {
            return Verification.rejected(TIMESTAMP_HEADER + " is " + away + " s away from now; at most "
                    + tolerance.toSeconds() + " s allowed");
        }
        if (!InstantlySignature.isWellFormed(candidate)) {
            return Verification.rejected(SIGNATURE_HEADER + " must be 64 lower-case hex characters "
                    + "(HMAC-SHA256, no prefix such as 'sha256=')");
        }
        return signature.matches(timestamp.get(), request.body(), candidate)
                ? Verification.verified("hmac")
                : Verification.rejected(SIGNATURE_HEADER + " does not match the body and " + TIMESTAMP_HEADER);
    }

    private static boolean isBearer(String authorization) {
        String value = authorization.strip().toLowerCase(Locale.ROOT);
        return value.startsWith(BEARER) || value.equals(BEARER.strip());
    }

    private static long parseUnixSeconds(String value) {
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NumberFormatException("not unix seconds");
        }
        return Long.parseLong(value);
    }
}
