package dev.crmsync.testkit.hubspot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who may call the simulated API: the static private-app token, and the access tokens its OAuth app
 * issues from a refresh token ({@code POST /oauth/v1/token}), each valid for the app's token lifetime.
 * Every token carries the granted scopes. Thread-safe.
 */
final class SimTokens {
    /** Every scope the simulated API checks; a token has all of them unless a test takes some away. */
    static final Set<String> ALL_SCOPES = Set.of("crm.objects.contacts.read", "crm.objects.contacts.write",
            "crm.schemas.contacts.read", "crm.schemas.contacts.write", "crm.schemas.notes.write",
            "crm.schemas.tasks.write", "oauth");

    /** The outcome of checking one {@code Authorization} header. */
    sealed interface Check permits Check.Valid, Check.Missing, Check.Expired {
        record Valid(Set<String> scopes) implements Check {
        }

        record Missing() implements Check {
        }

        record Expired(Duration ago) implements Check {
        }
    }

    /** An OAuth app: its credentials and how long an access token lives. */
    record OAuthApp(String clientId, String clientSecret, Duration tokenLifetime) {
    }

    private final byte[] staticAuthorization;
    private final Clock clock;
    private final Map<String, Instant> accessTokens = new HashMap<>();
    private final Set<String> refreshTokens = new LinkedHashSet<>();
    private Set<String> scopes = ALL_SCOPES;
    private OAuthApp app;

    SimTokens(String staticToken, Clock clock) {
        this.staticAuthorization = ("Bearer " + staticToken).getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    synchronized Check check(String authorization) {
        if (authorization == null) {
            return new Check.Missing();
        }
        if (MessageDigest.isEqual(staticAuthorization, authorization.getBytes(StandardCharsets.UTF_8))) {
            return new Check.Valid(scopes);
        }
        if (!authorization.startsWith("Bearer ")) {
            return new Check.Missing();
        }
        Instant expiresAt = accessTokens.get(authorization.substring("Bearer ".length()));
        if (expiresAt == null) {
            return new Check.Missing();
        }
        Instant now = clock.instant();
        return now.isBefore(expiresAt) ? new Check.Valid(scopes) : new Check.Expired(Duration.between(expiresAt, now));
    }

    /** Sets up the OAuth app and returns a refresh token for it; earlier tokens stay valid. */
    synchronized String enableOAuth(OAuthApp oauthApp) {
        this.app = Objects.requireNonNull(oauthApp, "oauthApp");
        String refreshToken = "sim-refresh-" + UUID.randomUUID();
        refreshTokens.add(refreshToken);
        return refreshToken;
    }

    /** The app, or null when OAuth is not enabled. */
    synchronized OAuthApp app() {
        return app;
    }

    synchronized boolean isRefreshToken(String token) {
        return token != null && refreshTokens.contains(token);
    }

    /** A new access token valid for the app's lifetime from now. */
    synchronized String issueAccessToken() {
        String token = "sim-access-" + UUID.randomUUID();
        accessTokens.put(token, clock.instant().plus(app.tokenLifetime()));
        return token;
    }

    /** Every OAuth access token issued so far stops working at once, as after an app's token revocation. */
    synchronized void revokeAccessTokens() {
        Instant now = clock.instant();
        accessTokens.replaceAll((token, expiresAt) -> expiresAt.isAfter(now) ? now : expiresAt);
    }

    synchronized int accessTokensIssued() {
        return accessTokens.size();
    }

    synchronized void grantOnly(Set<String> granted) {
        scopes = Set.copyOf(granted);
    }

    synchronized void reset() {
        accessTokens.clear();
        refreshTokens.clear();
        scopes = ALL_SCOPES;
        app = null;
    }
}
