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
 * @param apiKey             the API v2 key; absent means the adapter verifies and translates webhooks but
 *                           does not write to Instantly
 * @param baseUrl            scheme and host of the API; the client adds {@code /api/v2}
 * @param signatureTolerance how far {@code X-Instantly-Timestamp} may be from the time of receipt, either way
 * @param timeout            how long one HTTP request to the API may take, connect included
 * @param batchSize          items per write, 1 to {@value #MAX_BATCH_SIZE}
 * @param stoppedListId      the lead list a lead is moved to when its sequence is stopped; absent means
 *                           the lead is deleted from its active campaigns instead
 */
public record InstantlyAdapterConfig(Secret webhookSecret, Optional<Secret> apiKey, URI baseUrl,
                                     Duration signatureTolerance, Duration timeout, int batchSize,
                                     Optional<String> stoppedListId) {

    /** One {@code POST /api/v2/leads/list} page (at most 100 leads) looks up every person of a write. */
    public static final int MAX_BATCH_SIZE = 100;

    static final ConfigSpec SPEC = ConfigSpec.builder()
            .secret("webhook-secret", "Shared secret Instantly sends in X-Webhook-Secret (or Authorization: Bearer), "
                    + "also the HMAC key of X-Instantly-Signature. Never logged.")
            .credential("api-key", "Instantly API v2 key, sent as a Bearer token. Never logged.")
            .optional("base-url", URI.class, "https://api.instantly.ai",
                    "Scheme and host of the Instantly API (the adapter adds /api/v2); the simulator's URL in tests and demos")
            .optional("signature-tolerance-seconds", Integer.class, 300,
                    "How far X-Instantly-Timestamp may be from the time of receipt, either way")
            .optional("timeout-ms", Integer.class, 10_000,
                    "How long one HTTP request to Instantly may take, in milliseconds")
            .optional("batch-size", Integer.class, MAX_BATCH_SIZE,
                    "Items per write, 1 to 100 (one leads/list page of 100 looks up the whole batch)")
            .optional("stopped-list-id", String.class, null,
                    "Lead list a lead is moved to when a mapping stops its sequence; unset deletes the lead "
                            + "from its active campaigns instead")
            .build();

    public InstantlyAdapterConfig {
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(signatureTolerance, "signatureTolerance");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(stoppedListId, "stoppedListId");
    }

    /**
     * Reads a config that passed {@link #SPEC}.
     *
     * @throws AdapterConfigException when the webhook secret is missing, the base URL carries a path,
     *                                or a number is out of range
     */
    public static InstantlyAdapterConfig from(AdapterConfig config) {
        Secret webhookSecret = config.secret("webhook-secret").filter(s -> !s.isBlank())
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
        int timeoutMillis = config.integer("timeout-ms");
        if (timeoutMillis <= 0) {
            throw new AdapterConfigException("instantly timeout-ms must be above 0, found " + timeoutMillis);
        }
        int batchSize = config.integer("batch-size");
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new AdapterConfigException("instantly batch-size must be between 1 and " + MAX_BATCH_SIZE
                    + " (one leads/list page), found " + batchSize);
        }
        return new InstantlyAdapterConfig(webhookSecret, config.secret("api-key").filter(s -> !s.isBlank()),
                baseUrl, Duration.ofSeconds(tolerance), Duration.ofMillis(timeoutMillis), batchSize,
                config.string("stopped-list-id").filter(s -> !s.isBlank()));
    }

    /** The API key, or the reason Instantly cannot be written to without one. */
    public Secret requireApiKey() {
        return apiKey.orElseThrow(() -> new AdapterConfigException("instantly api-key is not set: set "
                + "INSTANTLY_API_KEY to an Instantly API v2 key with the leads, block_list_entries, campaigns "
                + "and webhooks scopes"));
    }
}
