package dev.crmsync.testkit.hubspot;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the simulator sends webhooks, as a HubSpot app's webhook settings would say.
 *
 * @param target       the app's target URL
 * @param clientSecret the app's client secret, the signing key
 * @param appId        the app's id: the payload's {@code appId}, and the {@code sourceId} of its API writes
 * @param portalId     the account's id, the payload's {@code portalId}
 * @param forApiWrites whether API writes (by this app) send webhooks too
 * @param includeEmail whether contact events carry an {@code email} field, which HubSpot does not send
 * @param maxRetries   further attempts after a failed one
 * @param retryDelay   the wait before each retry
 */
record WebhookSettings(URI target, String clientSecret, long appId, long portalId, boolean forApiWrites,
                       boolean includeEmail, int maxRetries, Duration retryDelay) {
    static final int DEFAULT_MAX_RETRIES = 3;
    static final Duration DEFAULT_RETRY_DELAY = Duration.ofMillis(50);

    WebhookSettings {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(retryDelay, "retryDelay");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, found " + maxRetries);
        }
    }

    static WebhookSettings of(URI target, String clientSecret, long appId, long portalId) {
        return new WebhookSettings(target, clientSecret, appId, portalId, true, false, DEFAULT_MAX_RETRIES,
                DEFAULT_RETRY_DELAY);
    }

    WebhookSettings withApiWrites(boolean enabled) {
        return new WebhookSettings(target, clientSecret, appId, portalId, enabled, includeEmail, maxRetries,
                retryDelay);
    }

    WebhookSettings withEmail(boolean enabled) {
        return new WebhookSettings(target, clientSecret, appId, portalId, forApiWrites, enabled, maxRetries,
                retryDelay);
    }

    WebhookSettings withRetries(int retries, Duration delay) {
        return new WebhookSettings(target, clientSecret, appId, portalId, forApiWrites, includeEmail, retries, delay);
    }

    @Override
    public String toString() {
        return "WebhookSettings[target=" + target + ", appId=" + appId + ", portalId=" + portalId + "]";
    }
}
