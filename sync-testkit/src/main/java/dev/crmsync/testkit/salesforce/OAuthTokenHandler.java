package dev.crmsync.testkit.salesforce;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /services/oauth2/token}, form-encoded, with Salesforce's three server-to-server grants:
 * {@code password} (client id and secret, user name and password), {@code client_credentials} (client id and
 * secret, in the form or as HTTP Basic) and {@code urn:ietf:params:oauth:grant-type:jwt-bearer} (an RS256
 * assertion, see {@link JwtAssertion}). Success answers {@code access_token}, {@code instance_url}, {@code id}
 * (whose last segment is the user id), {@code token_type} and {@code issued_at}; failure answers 400 with
 * {@code error} and {@code error_description}, as Salesforce does.
 */
final class OAuthTokenHandler implements HttpHandler {
    static final String JWT_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OrgCredentials credentials;
    private final SessionRegistry sessions;
    private final Supplier<String> baseUrl;
    private final Map<String, AtomicInteger> grants = new ConcurrentHashMap<>();

    OAuthTokenHandler(OrgCredentials credentials, SessionRegistry sessions, Supplier<String> baseUrl) {
        this.credentials = credentials;
        this.sessions = sessions;
        this.baseUrl = baseUrl;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            basicAuth(exchange).ifPresent(pair -> {
                form.putIfAbsent("client_id", pair[0]);
                form.putIfAbsent("client_secret", pair[1]);
            });
            String grant = form.getOrDefault("grant_type", "");
            grants.computeIfAbsent(grant, g -> new AtomicInteger()).incrementAndGet();
            Map<String, Object> body;
            int status = 200;
            Optional<String> problem = switch (grant) {
                case "password" -> credentials.checkPassword(form);
                case "client_credentials" -> credentials.checkClient(form);
                case JWT_GRANT -> credentials.checkJwt(form.get("assertion"), baseUrl.get());
                default -> Optional.of("unsupported_grant_type|grant type not supported");
            };
            if (problem.isPresent()) {
                status = 400;
                String[] parts = problem.get().split("\\|", 2);
                body = Map.of("error", parts[0], "error_description", parts[1]);
            } else {
                body = new LinkedHashMap<>();
                body.put("access_token", sessions.issue(credentials.integrationUserId()));
                body.put("instance_url", baseUrl.get());
                body.put("id", baseUrl.get() + "/id/" + OrgCredentials.ORG_ID + "/" + credentials.integrationUserId());
                body.put("token_type", "Bearer");
                body.put("issued_at", String.valueOf(System.currentTimeMillis()));
                body.put("signature", "c2ltdWxhdGVk");
            }
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    int count(String grant) {
        AtomicInteger n = grants.get(grant);
        return n == null ? 0 : n.get();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(key, value);
        }
        return form;
    }

    private static Optional<String[]> basicAuth(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? Optional.empty()
                : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    }
}
