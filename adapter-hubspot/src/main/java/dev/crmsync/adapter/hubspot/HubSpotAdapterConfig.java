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
 * {@code HUBSPOT_ACCESS_TOKEN} (or {@code HUBSPOT_REFRESH_TOKEN} with {@code HUBSPOT_CLIENT_ID} and
 * {@code HUBSPOT_CLIENT_SECRET}), {@code HUBSPOT_APP_ID} and friends. {@link #toString()} masks the tokens
 * and the client secret ({@link Secret} does).
 *
 * @param baseUrl      scheme and host of the API; the client adds {@code /crm/v3}
 * @param accessToken  the private-app or service-key token, absent when HubSpot is not configured
 * @param timeout      how long one HTTP request may take, connect included
 * @param batchSize    inputs per batch call, 1 to {@value #MAX_BATCH_SIZE}
 * @param clientSecret the app's client secret, the key of webhook signature v3; absent means no webhooks
 * @param appId        our app's id: HubSpot reports our own API writes with {@code sourceId} equal to it
 * @param oauth        the OAuth app's client id and refresh token, when the adapter authenticates as an app
 * @param limits       how the adapter keeps within HubSpot's rate limits, and whether it creates custom properties
 */
public record HubSpotAdapterConfig(URI baseUrl, Optional<Secret> accessToken, Duration timeout, int batchSize,
                                   Optional<Secret> clientSecret, Optional<Long> appId, Optional<OAuth> oauth,
                                   Limits limits) {

    /** The OAuth app's client id and a refresh token issued to it; the client secret is {@link #clientSecret()}. */
    public record OAuth(String clientId, Secret refreshToken) {
        public OAuth {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(refreshToken, "refreshToken");
        }
    }

    /**
     * @param timeZone         the account's time zone, whose midnight resets the daily budget; empty: asked of
     *                         HubSpot ({@code GET /account-info/v3/details}) when first needed
     * @param dailyPacing      whether calls are spread so the daily budget lasts until the account's midnight
     * @param searchPerSecond  CRM search calls per second (HubSpot's search limit, which sends no headers)
     * @param createProperties whether the host creates missing custom properties at start-up
     */
    public record Limits(Optional<java.time.ZoneId> timeZone, boolean dailyPacing, int searchPerSecond,
                         boolean createProperties) {
        public static final Limits DEFAULT = new Limits(Optional.empty(), true, DEFAULT_SEARCH_PER_SECOND, false);

        public Limits {
            Objects.requireNonNull(timeZone, "timeZone");
        }
    }
    /** HubSpot's limit on inputs per batch request. */
    public static final int MAX_BATCH_SIZE = 100;
    /** HubSpot's current search guide allows 5 search requests per second per token; 4 leaves headroom. */
    public static final int DEFAULT_SEARCH_PER_SECOND = 4;

    static final ConfigSpec SPEC = ConfigSpec.builder()
            .optional("base-url", URI.class, "https://api.hubapi.com",
                    "Scheme and host of the HubSpot API (the adapter adds /crm/v3); the simulator's URL in tests and demos")
            .credential("access-token", "HubSpot private-app or service-key token, sent as a Bearer token. Never logged.")
            .credential("refresh-token", "Refresh token of the HubSpot OAuth app installed in the account; with "
                    + "client-id and client-secret the adapter gets short-lived access tokens from it. Never logged.")
            .optional("client-id", String.class, null, "The HubSpot app's client id, for refreshing OAuth access tokens")
            .optional("timeout-ms", Integer.class, 10_000, "How long one HTTP request to HubSpot may take, in milliseconds")
            .optional("batch-size", Integer.class, MAX_BATCH_SIZE, "Inputs per batch call, 1 to 100 (HubSpot's limit)")
            .secret("client-secret", "The HubSpot app's client secret, the key of webhook signature v3. Without it "
                    + "the adapter accepts no webhooks. Never logged.")
            .optional("app-id", Long.class, null, "Our HubSpot app's id: changes HubSpot reports with changeSource "
                    + "INTEGRATION and this sourceId are our own writes")
            .optional("time-zone", String.class, null, "The HubSpot account's time zone (e.g. America/New_York), "
                    + "whose midnight resets the daily API budget; unset: read from HubSpot's account details")
            .optional("daily-pacing", Boolean.class, true, "Spread calls so the daily API budget lasts until the "
                    + "account's midnight (a tenth of it may go at full speed)")
            .optional("search-per-second", Integer.class, DEFAULT_SEARCH_PER_SECOND,
                    "CRM search calls per second, 1 to 5 (HubSpot's search limit)")
            .optional("create-properties", Boolean.class, false, "Create the custom properties the mapping writes "
                    + "(e.g. sync_engagement_score) at start-up when they are missing")
            .build();

    public HubSpotAdapterConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(oauth, "oauth");
        Objects.requireNonNull(limits, "limits");
    }

    /** Outbound settings only: no webhooks, no app id, a static token. */
    public HubSpotAdapterConfig(URI baseUrl, Optional<Secret> accessToken, Duration timeout, int batchSize) {
        this(baseUrl, accessToken, timeout, batchSize, Optional.empty(), Optional.empty(), Optional.empty(),
                Limits.DEFAULT);
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
                Duration.ofMillis(timeoutMillis), batchSize, clientSecret, appId,
                oauth(config, token.isPresent(), clientSecret.isPresent()), limits(config));
    }

    /**
     * Fails when neither a token nor an OAuth app is configured; called when the adapter is built.
     *
     * @throws AdapterConfigException naming the variables to set
     */
    public void requireCredentials() {
        if (accessToken.isEmpty() && oauth.isEmpty()) {
            throw new AdapterConfigException("hubspot has no credentials: set HUBSPOT_ACCESS_TOKEN to a private-app "
                    + "or service-key token, or HUBSPOT_REFRESH_TOKEN with HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET "
                    + "for an OAuth app; either needs the crm.objects.contacts scopes");
        }
    }

    private static Optional<OAuth> oauth(AdapterConfig config, boolean hasToken, boolean hasClientSecret) {
        Optional<Secret> refreshToken = config.secret("refresh-token").filter(s -> !s.reveal().isBlank());
        if (refreshToken.isEmpty()) {
            return Optional.empty();
        }
        if (hasToken) {
            throw new AdapterConfigException("hubspot has both HUBSPOT_ACCESS_TOKEN and HUBSPOT_REFRESH_TOKEN set: "
                    + "set the access token for a private app or service key, or the refresh token for an OAuth app, "
                    + "not both");
        }
        Optional<String> clientId = config.string("client-id").filter(s -> !s.isBlank());
        if (clientId.isEmpty() || !hasClientSecret) {
            throw new AdapterConfigException("hubspot refresh-token needs the OAuth app's HUBSPOT_CLIENT_ID and "
                    + "HUBSPOT_CLIENT_SECRET; missing: " + (clientId.isEmpty() ? "HUBSPOT_CLIENT_ID" : "")
                    + (clientId.isEmpty() && !hasClientSecret ? ", " : "") + (hasClientSecret ? "" : "HUBSPOT_CLIENT_SECRET"));
        }
        return Optional.of(new OAuth(clientId.get(), refreshToken.get()));
    }

    private static Limits limits(AdapterConfig config) {
        Optional<java.time.ZoneId> zone;
        try {
            zone = config.string("time-zone").filter(s -> !s.isBlank()).map(java.time.ZoneId::of);
        } catch (java.time.DateTimeException e) {
            throw new AdapterConfigException("hubspot time-zone must be a time zone id such as America/New_York, "
                    + "found '" + config.string("time-zone").orElse("") + "'");
        }
        int searchPerSecond = config.integer("search-per-second");
        if (searchPerSecond < 1 || searchPerSecond > 5) {
            throw new AdapterConfigException("hubspot search-per-second must be between 1 and 5 (HubSpot allows 5 "
                    + "search requests per second), found " + searchPerSecond);
        }
        return new Limits(zone, config.bool("daily-pacing"), searchPerSecond, config.bool("create-properties"));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
