package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.config.Secret;
import dev.crmsync.core.spi.Verification;
import dev.crmsync.core.spi.WebhookRequest;
import dev.crmsync.core.spi.WebhookVerifier;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks that a webhook comes from HubSpot by its signature v3 (see {@link HubSpotSignature}): the
 * {@code X-HubSpot-Signature-v3} header must be the signature of the request's method, its URI as
 * {@link WebhookRequest#uri()} gives it (the public URI HubSpot posted to), the raw body and the
 * {@code X-HubSpot-Request-Timestamp} header (epoch milliseconds). HubSpot says to reject a timestamp
 * older than five minutes; one further than the tolerance ahead of {@link WebhookRequest#receivedAt()}
 * is refused too, so a captured request cannot be replayed later. Older signature versions carry no
 * timestamp and are not accepted. Comparison takes constant time; reasons never echo the secret.
 */
public final class HubSpotWebhookVerifier implements WebhookVerifier {
    static final String SIGNATURE_HEADER = "X-HubSpot-Signature-v3";
    static final String TIMESTAMP_HEADER = "X-HubSpot-Request-Timestamp";
    /** HubSpot's own window: "reject the request if the timestamp is older than 5 minutes". */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private final HubSpotSignature signature;
    private final Duration tolerance;

    public HubSpotWebhookVerifier(Secret clientSecret, Duration tolerance) {
        Objects.requireNonNull(clientSecret, "clientSecret");
        if (clientSecret.isEmpty()) {
            throw new IllegalArgumentException("the client secret must not be empty");
        }
        this.signature = new HubSpotSignature(clientSecret);
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
    }

    public HubSpotWebhookVerifier(Secret clientSecret) {
        this(clientSecret, DEFAULT_TOLERANCE);
    }

    @Override
    public Verification verify(WebhookRequest request) {
        Optional<String> signed = request.header(SIGNATURE_HEADER).map(String::strip).filter(s -> !s.isEmpty());
        if (signed.isEmpty()) {
            return Verification.rejected("missing " + SIGNATURE_HEADER + ": HubSpot signs webhooks with signature "
                    + "v3 under the app's client secret");
        }
        Optional<String> timestamp = request.header(TIMESTAMP_HEADER).map(String::strip).filter(s -> !s.isEmpty());
        if (timestamp.isEmpty()) {
            return Verification.rejected("missing " + TIMESTAMP_HEADER + " (epoch milliseconds), which "
                    + SIGNATURE_HEADER + " signs");
        }
        if (!isEpochMillis(timestamp.get())) {
            return Verification.rejected(TIMESTAMP_HEADER + " must be epoch milliseconds (digits only)");
        }
        long ageMillis = request.receivedAt().toEpochMilli() - Long.parseLong(timestamp.get());
        if (Math.abs(ageMillis) > tolerance.toMillis()) {
            long seconds = (Math.abs(ageMillis) + 999) / 1000;
            return Verification.rejected(TIMESTAMP_HEADER + " is " + seconds + " s "
                    + (ageMillis > 0 ? "old" : "ahead of our clock") + "; at most " + tolerance.toSeconds()
                    + " s allowed");
        }
        if (!signature.matches(request.method(), request.uri(), request.body(), timestamp.get(), signed.get())) {
            return Verification.rejected(SIGNATURE_HEADER + " does not match " + request.method() + " "
                    + withoutQuery(request) + ", the body and " + TIMESTAMP_HEADER + " (check HUBSPOT_CLIENT_SECRET "
                    + "and, behind a proxy, SYNC_PUBLIC_URL)");
        }
        return Verification.verified("hubspot-signature-v3");
    }

    private static boolean isEpochMillis(String value) {
        return value.length() <= 18 && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    // The URI helps an operator see which address was checked; its query may carry tokens, so it is left out.
    private static String withoutQuery(WebhookRequest request) {
        String uri = request.uri().toString();
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }
}
