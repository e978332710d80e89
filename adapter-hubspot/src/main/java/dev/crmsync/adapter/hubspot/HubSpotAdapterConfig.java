package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.config.AdapterConfig;
import dev.crmsync.core.config.ConfigSpec;
import dev.crmsync.core.config.Secret;
import dev.crmsync.core.spi.AdapterConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The HubSpot adapter's settings, bound by the service from {@code HUBSPOT_BASE_URL},
 * {@code HUBSPOT_ACCESS_TOKEN}, {@code HUBSPOT_CLIENT_SECRET}, {@code HUBSPOT_APP_ID} and friends.
 * {@link #toString()} masks the token and the client secret ({@link Secret} does).
 *
 * @param baseUrl      scheme and host of the API; the client adds {@code /crm/v3}
 * @param accessToken  the private-app or service-key token, absent when HubSpot is not configured
 * @param timeout      how long one HTTP request may take, connect included
 * @param batchSize    inputs per batch call, 1 to {@value #MAX_BATCH_SIZE}
 * @param clientSecret the app's client secret, the key of webhook signature v3; absent means no webhooks
 * @param appId        our app's id: HubSpot reports our own API writes with {@code sourceId} equal to it
 */
public record HubSpotAdapterConfig(URI baseUrl, Optional<Secret> accessToken, Duration timeout, int batchSize,
                                   Optional<Secret> clientSecret, Optional<Long> appId) {
    /** HubSpot's limit on inputs per batch request. */
    public static final int MAX_BATCH_SIZE = 100;

    static final ConfigSpec SPEC = ConfigSpec.builder()
            .optional("base-url", URI.class, "https://api.hubapi.com",
                    "Scheme and host of the HubSpot API (the adapter adds /crm/v3); the simulator's URL in tests and demos")
            .credential("access-token", "HubSpot private-app or service-key token, sent as a Bearer token. Never logged.")
            .optional("timeout-ms", Integer.class, 10_000, "How long one HTTP request to HubSpot may take, in milliseconds")
            .optional("batch-size", Integer.class, MAX_BATCH_SIZE, "Inputs per batch call, 1 to 100 (HubSpot's limit)")
            .secret("client-secret", "The HubSpot app's client secret, the key of webhook signature v3. Without it "
                    + "the adapter accepts no webhooks. Never logged.")
            .optional("app-id", Long.class, null, "Our HubSpot app's id: changes HubSpot reports with changeSource "
                    + "INTEGRATION and this sourceId are our own writes")
            .build();

    public HubSpotAdapterConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(appId, "appId");
    }

    /** Outbound settings only: no webhooks, no app id. */
    public HubSpotAdapterConfig(URI baseUrl, Optional<Secret> accessToken, Duration timeout, int batchSize) {
        this(baseUrl, accessToken, timeout, batchSize, Optional.empty(), Optional.empty());
    }

    /**
     * Reads a config that passed {@link #SPEC}.
     *
     * @throws AdapterConfigException when the base URL carries a path, the timeout is not positive, the
     *                                batch size is outside 1..100 or the app id is not positive
     */
    public static HubSpotAdapterConfig from(AdapterConfig config) {
        URI baseUrl = config.uri("base-url");
        String path = baseUrl.getPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            throw new AdapterConfigException("hubspot base-url must be scheme and host only (the adapter adds "
                    + "/crm/v3), found path '" + path + "'");
        }
        int timeoutMillis = config.integer("timeout-ms");
        if (timeoutMillis <= 0) {
            throw new AdapterConfigException("hubspot timeout-ms must be above 0, found " + timeoutMillis);
        }
        int batchSize = config.integer("batch-size");
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new AdapterConfigException("hubspot batch-size must be between 1 and " + MAX_BATCH_SIZE
                    + " (HubSpot's limit per batch call), found " + batchSize);
        }
        Optional<Secret> token = config.secret("access-token").filter(s -> !s.isBlank());
        Optional<Secret> clientSecret = config.secret("client-secret").filter(s -> !s.isBlank());
        Optional<Long> appId = config.string("app-id").map(Long::parseLong);
        if (appId.isPresent() && appId.get() <= 0) {
            throw new AdapterConfigException("hubspot app-id must be above 0 (HubSpot's numeric app id), found "
                    + appId.get());
        }
        return new HubSpotAdapterConfig(URI.create(stripSlash(baseUrl.toString())), token,
                Duration.ofMillis(timeoutMillis), batchSize, clientSecret, appId);
    }

    /** The token, or the reason HubSpot cannot be written to without one. */
    public Secret requireAccessToken() {
        return accessToken.orElseThrow(() -> new AdapterConfigException("hubspot access-token is not set: set "
                + "HUBSPOT_ACCESS_TOKEN to a private-app or service-key token with the crm.objects.contacts scopes"));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
