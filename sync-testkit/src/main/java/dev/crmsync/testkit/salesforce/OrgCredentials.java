package dev.crmsync.testkit.salesforce;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The connected app and the integration user the simulated org knows, and the checks of each grant. A JWT
 * bearer grant needs the app's certificate (public key) registered with {@link #registerJwtKey}.
 */
final class OrgCredentials {
    static final String ORG_ID = "00D000000000001AAA";

    private final String clientId;
    private final String clientSecret;
    private final String username;
    private final String password;
    private final String integrationUserId;
    private volatile PublicKey jwtKey;

    OrgCredentials(String clientId, String clientSecret, String username, String password, String integrationUserId) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.username = username;
        this.password = password;
        this.integrationUserId = integrationUserId;
    }

    String integrationUserId() {
        return integrationUserId;
    }

    void registerJwtKey(PublicKey key) {
        this.jwtKey = key;
    }

    Optional<String> checkClient(Map<String, String> form) {
        if (!same(clientId, form.get("client_id"))) {
            return Optional.of("invalid_client_id|client identifier invalid");
        }
        if (!same(clientSecret, form.get("client_secret"))) {
            return Optional.of("invalid_client|invalid client credentials");
        }
        return Optional.empty();
    }

    Optional<String> checkPassword(Map<String, String> form) {
        return checkClient(form).or(() -> same(username, form.get("username")) && same(password, form.get("password"))
                ? Optional.empty() : Optional.of("invalid_grant|authentication failure"));
    }

    Optional<String> checkJwt(String assertion, String audience) {
        if (jwtKey == null) {
            return Optional.of("invalid_grant|invalid assertion: no certificate registered for this connected app");
        }
        Map<String, String> claims;
        try {
            claims = JwtAssertion.verify(assertion, jwtKey, Instant.now());
        } catch (IllegalArgumentException e) {
            return Optional.of("invalid_grant|" + e.getMessage());
        }
        if (!same(clientId, claims.get("iss"))) {
            return Optional.of("invalid_client_id|client identifier invalid");
        }
        if (!same(username, claims.get("sub"))) {
            return Optional.of("invalid_grant|user hasn't approved this consumer");
        }
        String aud = claims.get("aud");
        boolean audienceOk = same(audience, aud) || "https://login.salesforce.com".equals(aud)
                || "https://test.salesforce.com".equals(aud);
        return audienceOk ? Optional.empty() : Optional.of("invalid_grant|audience is invalid");
    }

    private static boolean same(String expected, String actual) {
        return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                actual.getBytes(StandardCharsets.UTF_8));
    }
}
