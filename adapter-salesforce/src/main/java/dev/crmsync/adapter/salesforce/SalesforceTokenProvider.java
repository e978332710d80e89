package dev.crmsync.adapter.salesforce;

import dev.crmsync.core.config.Secret;
import dev.crmsync.core.spi.AdapterConfigException;
import dev.crmsync.core.spi.AdapterException;
import dev.crmsync.core.spi.TransientAdapterException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gets and renews the OAuth session at {@code <login-url>/services/oauth2/token} with the configured
 * {@link SalesforceGrant}. One session is shared by every caller; {@link #refresh} replaces it once however
 * many callers found it expired at the same time. Thread-safe.
 */
final class SalesforceTokenProvider {
    private static final Logger log = LoggerFactory.getLogger(SalesforceTokenProvider.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SalesforceAdapterConfig config;
    private final HttpClient http;
    private final Clock clock;
    private final Optional<JwtBearerAssertion> jwt;
    private SalesforceSession current;

    SalesforceTokenProvider(SalesforceAdapterConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
        this.jwt = config.grant() instanceof SalesforceGrant.JwtBearer bearer
                ? Optional.of(JwtBearerAssertion.fromPemFile(bearer.keyFile())) : Optional.empty();
    }

    synchronized SalesforceSession session() {
        if (current == null) {
            current = fetch();
        }
        return current;
    }

    /** A new session in place of {@code stale}; when another caller already replaced it, that one. */
    synchronized SalesforceSession refresh(SalesforceSession stale) {
        if (current == null || current == stale) {
            current = fetch();
        }
        return current;
    }

    private SalesforceSession fetch() {
        Map<String, String> form = form();
        HttpRequest request = HttpRequest.newBuilder(config.tokenUrl()).timeout(config.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransientAdapterException("Salesforce token request: expected an HTTP answer, found "
                    + e.getClass().getSimpleName(), 0, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientAdapterException("Salesforce token request interrupted", 0, null, e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() != 200) {
            throw refused(response.statusCode(), body);
        }
        String token = body.path("access_token").asString("");
        String instance = config.instanceUrl().map(URI::toString).orElse(body.path("instance_url").asString(""));
        if (token.isEmpty() || instance.isEmpty()) {
            throw new TransientAdapterException("Salesforce token response: expected access_token and instance_url, "
                    + "found " + body.propertyNames(), response.statusCode());
        }
        String id = body.path("id").asString("");
        String userId = id.isEmpty() ? null : id.substring(id.lastIndexOf('/') + 1);
        log.info("Salesforce: new session by the {} grant", config.grant().type());
        return new SalesforceSession(Secret.of(token), URI.create(instance), userId);
    }

    private Map<String, String> form() {
        Map<String, String> form = new LinkedHashMap<>();
        SalesforceGrant grant = config.grant();
        form.put("grant_type", grant.type());
        if (grant instanceof SalesforceGrant.JwtBearer bearer) {
            form.put("assertion", jwt.orElseThrow().sign(bearer.clientId(), bearer.username(),
                    config.loginUrl().toString(), clock.instant()));
        } else if (grant instanceof SalesforceGrant.Password password) {
            form.put("client_id", password.clientId());
            form.put("client_secret", password.clientSecret().reveal());
            form.put("username", password.username());
            form.put("password", password.password().reveal());
        } else if (grant instanceof SalesforceGrant.ClientCredentials client) {
            form.put("client_id", client.clientId());
            form.put("client_secret", client.clientSecret().reveal());
        } else {
            throw new AdapterConfigException("salesforce client-id is not set: set SALESFORCE_CLIENT_ID with "
                    + "SALESFORCE_CLIENT_SECRET (client credentials), plus SALESFORCE_USERNAME and SALESFORCE_PASSWORD "
                    + "(password grant), or SALESFORCE_USERNAME and SALESFORCE_JWT_KEY_FILE (JWT bearer grant)");
        }
        return form;
    }

    private AdapterException refused(int status, JsonNode body) {
        String found = "Salesforce token request (" + config.grant().type() + " grant): expected HTTP 200, found "
                + status + " (" + body.path("error").asString("?") + ": " + body.path("error_description").asString("")
                + ")";
        if (status >= 500 || status == 429) {
            return new TransientAdapterException(found, status);
        }
        return new AdapterConfigException(found + "; check SALESFORCE_CLIENT_ID, SALESFORCE_CLIENT_SECRET and the "
                + "user's credentials", status, null);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return JSON.createObjectNode();
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    Duration timeout() {
        return config.timeout();
    }
}
