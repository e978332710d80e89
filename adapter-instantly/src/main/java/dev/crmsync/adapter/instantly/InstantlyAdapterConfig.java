package dev.crmsync.adapter.instantly;

import dev.crmsync.core.config.AdapterConfig;
import dev.crmsync.core.config.ConfigSpec;
import dev.crmsync.core.config.Secret;
import dev.crmsync.core.spi.AdapterConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The Instantly adapter's settings, bound by the service from {@code INSTANTLY_WEBHOOK_SECRET},
 * {@code INSTANTLY_API_KEY}, {@code INSTANTLY_BASE_URL} and friends. {@link #toString()} masks the
 * secrets ({@link Secret} does).
 *
 * @param webhookSecret      what webhooks must present (header, bearer token or HMAC key)
 * @param apiKey             the API v2 key, absent until the API client needs it
 * @param baseUrl            scheme and host of the API; the client adds {@code /api/v2}
 * @param signatureTolerance how far {@code X-Instantly-Timestamp} may be from the time of receipt, either way
 */
public record InstantlyAdapterConfig(Secret webhookSecret, Optional<Secret> apiKey, URI baseUrl,
                                     Duration signatureTolerance) {

    static final ConfigSpec SPEC = ConfigSpec.builder()
            .secret("webhook-secret", "Shared secret Instantly sends in X-Webhook-Secret (or Authorization: Bearer), "
                    + "also the HMAC key of X-Instantly-Signature. Never logged.")
            .credential("api-key", "Instantly API v2 key. Never logged.")
            .optional("base-url", URI.class, "https://api.instantly.ai",
                    "Scheme and host of the Instantly API; the simulator's URL in tests and demos")
            .optional("signature-tolerance-seconds", Integer.class, 300,
                    "How far X-Instantly-Timestamp may be from the time of receipt, either way")
            .build();

    public InstantlyAdapterConfig {
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(signatureTolerance, "signatureTolerance");
    }

    /**
     * Reads a config that passed {@link #SPEC}.
     *
     * @throws AdapterConfigException when the webhook secret is missing, the base URL carries a path,
     *                                or the tolerance is not positive
     */
    public static InstantlyAdapterConfig from(AdapterConfig config) {
        Secret webhookSecret = config.secret("webhook-secret").filter(s -> !s.reveal().isBlank())
                .orElseThrow(() -> new AdapterConfigException("instantly webhook-secret is not set: set "
                        + "INSTANTLY_WEBHOOK_SECRET to the secret your Instantly webhooks send"));
        URI baseUrl = config.uri("base-url");
        String path = baseUrl.getPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            throw new AdapterConfigException("instantly base-url must be scheme and host only (the adapter adds "
                    + "/api/v2), found path '" + path + "'");
        }
        int tolerance = config.integer("signature-tolerance-seconds");
        if (tolerance <= 0) {
            throw new AdapterConfigException(
                    "instantly signature-tolerance-seconds must be above 0, found " + tolerance);
        }
        return new InstantlyAdapterConfig(webhookSecret, config.secret("api-key").filter(s -> !s.reveal().isBlank()),
                baseUrl, Duration.ofSeconds(tolerance));
    }
}
