package dev.crmsync.testkit.hubspot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /oauth/v1/token}, form-encoded {@code grant_type=refresh_token&client_id=&client_secret=&refresh_token=}:
 * answers {@code {"token_type":"bearer","refresh_token":..,"access_token":..,"expires_in":<seconds>}}.
 * A wrong client answers 400 {@code BAD_CLIENT_ID}/{@code BAD_CLIENT_SECRET}, an unknown refresh token 400
 * {@code BAD_REFRESH_TOKEN} (with the OAuth {@code error} {@code invalid_grant}); only the refresh grant is simulated.
 */
final class TokenEndpoint implements SimEndpoint {
    static final String PATH = "/oauth/v1/token";
    static final String OPERATION = "oauth/token";

    private final SimTokens tokens;

    TokenEndpoint(SimTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public SimResponse handle(SimRequest request) {
        Map<String, String> form = SimRequest.parseQuery(new String(request.body(), StandardCharsets.UTF_8));
        SimTokens.OAuthApp app = tokens.app();
        if (!"refresh_token".equals(form.get("grant_type"))) {
            return refused("BAD_GRANT_TYPE", "unsupported grant_type '" + form.get("grant_type") + "'", "unsupported_grant_type");
        }
        if (app == null || !app.clientId().equals(form.get("client_id"))) {
            return refused("BAD_CLIENT_ID", "missing or unknown client id", "invalid_client");
        }
        String secret = form.getOrDefault("client_secret", "");
        if (!MessageDigest.isEqual(app.clientSecret().getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8))) {
            return refused("BAD_CLIENT_SECRET", "missing or invalid client secret", "invalid_client");
        }
        String refreshToken = form.get("refresh_token");
        if (!tokens.isRefreshToken(refreshToken)) {
            return refused("BAD_REFRESH_TOKEN", "missing or invalid refresh token", "invalid_grant");
        }
        ObjectNode answer = SimJson.object();
        answer.put("token_type", "bearer");
        answer.put("refresh_token", refreshToken);
        answer.put("access_token", tokens.issueAccessToken());
        answer.put("expires_in", app.tokenLifetime().toSeconds());
        return SimResponse.of(200, answer);
    }

    private static SimResponse refused(String status, String message, String oauthError) {
        ObjectNode body = SimJson.object();
        body.put("status", status);
        body.put("message", message);
        body.put("error", oauthError);
        body.put("error_description", message);
        body.put("correlationId", java.util.UUID.randomUUID().toString());
        return SimResponse.of(400, body);
    }
}
