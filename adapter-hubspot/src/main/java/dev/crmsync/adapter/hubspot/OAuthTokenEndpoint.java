package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.config.Secret;
import dev.crmsync.core.spi.AdapterConfigException;
import dev.crmsync.core.spi.TransientAdapterException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One refresh at HubSpot's token endpoint: {@code POST /oauth/v1/token}, form-encoded
 * {@code grant_type=refresh_token}, {@code client_id}, {@code client_secret}, {@code refresh_token}; the
 * answer carries {@code access_token}, {@code expires_in} (seconds) and {@code refresh_token}. 429, 5xx and
 * I/O failures are transient; a 400 (HubSpot's {@code BAD_REFRESH_TOKEN}, OAuth's {@code invalid_grant}) or
 * any other 4xx means the app settings or the refresh token are wrong. Never logs or reports a token.
 */
final class OAuthTokenEndpoint {
    static final String PATH = "/oauth/v1/token";
    private static final String OPERATION = "oauth/token";

    /** A fresh access token, and the refresh token to use next (HubSpot may hand out a new one). */
    record Issued(Secret accessToken, Duration lifetime, Secret refreshToken) {
    }

    private final URI tokenUrl;
    private final String clientId;
    private final Secret clientSecret;
    private final Duration timeout;
    private final HttpClient http;

    OAuthTokenEndpoint(URI baseUrl, String clientId, Secret clientSecret, Duration timeout, HttpClient http) {
        this.tokenUrl = URI.create(baseUrl + PATH);
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.timeout = timeout;
        this.http = http;
    }

    /**
     * @throws TransientAdapterException on 429, 5xx, no answer or an unreadable 2xx
     * @throws AdapterConfigException    when HubSpot refuses the app or the refresh token
     */
    Issued refresh(Secret refreshToken) {
        String form = Map.of("grant_type", "refresh_token", "client_id", clientId,
                        "client_secret", clientSecret.reveal(), "refresh_token", refreshToken.reveal())
                .entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenUrl).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw HubSpotErrorClassifier.failedCall(OPERATION, timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientAdapterException("HubSpot " + OPERATION + ": interrupted", 0, null, e);
        }
        JsonNode body = read(answer.body());
        int status = answer.statusCode();
        if (status >= 200 && status < 300) {
            return issued(body, refreshToken, status);
        }
        String said = describe(body);
        if (status == 429 || status >= 500) {
            throw new TransientAdapterException("HubSpot " + OPERATION + ": expected HTTP 2xx, found " + status
                    + " (" + said + ") while refreshing the access token", status, null, null);
        }
        String hint = status == 400
                ? "HUBSPOT_REFRESH_TOKEN is revoked, was issued to another app than HUBSPOT_CLIENT_ID, or the app "
                        + "was uninstalled; install the app again and set the new refresh token"
                : "check HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET";
        throw new AdapterConfigException("HubSpot refused to refresh the OAuth access token: expected HTTP 2xx, "
                + "found " + status + " (" + said + "); " + hint, status, null);
    }

    private static Issued issued(JsonNode body, Secret usedRefreshToken, int status) {
        String access = HubSpotJson.text(body, "access_token");
        JsonNode expiresIn = body.get("expires_in");
        if (access == null || expiresIn == null || !expiresIn.canConvertToLong() || expiresIn.asLong() <= 0) {
            throw new TransientAdapterException("HubSpot " + OPERATION + ": expected access_token and a positive "
                    + "expires_in in the answer, found neither or not both", status, null, null);
        }
        String next = HubSpotJson.text(body, "refresh_token");
        return new Issued(Secret.of(access), Duration.ofSeconds(expiresIn.asLong()),
                next == null || next.isBlank() ? usedRefreshToken : Secret.of(next));
    }

    private static JsonNode read(byte[] body) {
        try {
            JsonNode node = body == null || body.length == 0 ? null : HubSpotJson.MAPPER.readTree(body);
            return node == null ? HubSpotJson.object() : node;
        } catch (JacksonException e) {
            return HubSpotJson.object();
        }
    }

    /** HubSpot's {@code status} (e.g. BAD_REFRESH_TOKEN), OAuth's {@code error} (e.g. invalid_grant) and the message. */
    private static String describe(JsonNode body) {
        StringBuilder said = new StringBuilder();
        for (String field : new String[] {"status", "error", "category"}) {
            String value = HubSpotJson.text(body, field);
            if (value != null && !value.equals("error")) {
                said.append(said.length() == 0 ? "" : ", ").append(value);
            }
        }
        String message = HubSpotJson.text(body, "message");
        if (message == null) {
            message = HubSpotJson.text(body, "error_description");
        }
        if (message != null) {
            said.append(said.length() == 0 ? "" : ": ").append(HubSpotError.from(body).safeMessage());
        }
        return said.length() == 0 ? "no error details" : said.toString();
    }
}
