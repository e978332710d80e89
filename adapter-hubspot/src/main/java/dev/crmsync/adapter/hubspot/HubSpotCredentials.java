package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.config.Secret;

/**
 * Where the bearer token of each HubSpot call comes from: a static private-app or service-key token, or
 * {@link OAuthTokens} refreshed from an OAuth app's refresh token. Thread-safe.
 */
interface HubSpotCredentials {

    /**
     * The token to send now.
     *
     * @throws dev.crmsync.core.spi.AdapterException when a token could not be obtained
     */
    Secret token();

    /**
     * HubSpot answered 401 to a call made with {@code rejected}: gets a new token when this kind of credential
     * can.
     *
     * @return true when a repeat with {@link #token()} may succeed
     */
    boolean renewAfterRejection(Secret rejected);

    /** A token that never changes: a 401 means it is wrong or revoked. */
    static HubSpotCredentials fixed(Secret token) {
        return new HubSpotCredentials() {
            @Override
            public Secret token() {
                return token;
            }

            @Override
            public boolean renewAfterRejection(Secret rejected) {
                return false;
            }
        };
    }
}
