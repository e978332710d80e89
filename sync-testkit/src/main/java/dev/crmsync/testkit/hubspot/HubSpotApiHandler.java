package dev.crmsync.testkit.hubspot;

import dev.crmsync.testkit.http.FaultPlan;
import dev.crmsync.testkit.http.RequestCounters;
import dev.crmsync.testkit.http.Storm;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The request pipeline: state page, latency, the OAuth token endpoint (no bearer auth; faults apply),
 * bearer auth (401, with {@code EXPIRED_AUTHENTICATION} for an expired OAuth token), route, rate limit
 * (429), scope (403 {@code MISSING_SCOPES}), injected fault, the endpoint itself, then an optional late
 * answer. Every API answer except search carries the {@code X-HubSpot-RateLimit-*} headers, as HubSpot's
 * usage guidelines describe.
 */
final class HubSpotApiHandler implements HttpHandler {
    static final String STATE_PATH = "/_sim/state";

    private final SimTokens tokens;
    private final TokenEndpoint tokenEndpoint;
    private final HubSpotRoutes routes;
    private final RateLimits limits;
    private final FaultPlan faults;
    private final RequestCounters counters;
    private final Supplier<JsonNode> state;

    HubSpotApiHandler(SimTokens tokens, HubSpotRoutes routes, RateLimits limits, FaultPlan faults,
                      RequestCounters counters, Supplier<JsonNode> state) {
        this.tokens = tokens;
        this.tokenEndpoint = new TokenEndpoint(tokens);
        this.routes = routes;
        this.limits = limits;
        this.faults = faults;
        this.counters = counters;
        this.state = state;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            byte[] body = readBody(exchange.getRequestBody());
            if (method.equals("GET") && path.equals(STATE_PATH)) {
                send(exchange, SimResponse.of(200, state.get()), Map.of());
                return;
            }
            sleep(faults.latency());
            if (method.equals("POST") && path.equals(TokenEndpoint.PATH)) {
                token(exchange, body);
                return;
            }
            SimTokens.Check auth = tokens.check(exchange.getRequestHeaders().getFirst("Authorization"));
            if (auth instanceof SimTokens.Check.Expired expired) {
                send(exchange, SimResponse.of(401, HubSpotErrors.expired(expired.ago())), Map.of());
                return;
            }
            if (!(auth instanceof SimTokens.Check.Valid valid)) {
                send(exchange, SimResponse.of(401, HubSpotErrors.unauthorized()), Map.of());
                return;
            }
            Optional<HubSpotRoutes.Route> route = routes.resolve(method, path);
            if (route.isEmpty()) {
                send(exchange, SimResponse.of(404, HubSpotErrors.error("Unable to route " + method + " " + path,
                        "OBJECT_NOT_FOUND")), Map.of());
                return;
            }
            handle(exchange, route.get(), valid.scopes(), new SimRequest(method, path,
                    SimRequest.parseQuery(exchange.getRequestURI().getRawQuery()), body));
        } catch (IOException e) {
            // The client went away, typically after timing out on a delayed answer; the write stands.
        }
    }

    private void token(HttpExchange exchange, byte[] body) throws IOException {
        counters.admitted(TokenEndpoint.OPERATION);
        OptionalInt failure = faults.takeFailure(TokenEndpoint.OPERATION);
        if (failure.isPresent()) {
            send(exchange, SimResponse.of(failure.getAsInt(), HubSpotErrors.forStatus(failure.getAsInt())), Map.of());
            return;
        }
        send(exchange, tokenEndpoint.handle(new SimRequest("POST", TokenEndpoint.PATH, Map.of(), body)), Map.of());
    }

    private void handle(HttpExchange exchange, HubSpotRoutes.Route route, java.util.Set<String> scopes,
                        SimRequest request) throws IOException {
        RateLimits.Verdict verdict = limits.admit(route.search());
        if (verdict != RateLimits.Verdict.ADMITTED) {
            counters.rateLimited();
            send(exchange, SimResponse.of(429, HubSpotErrors.rateLimited(verdict.name())), headers(route));
            return;
        }
        counters.admitted(route.operation());
        if (route.scope() != null && !scopes.contains(route.scope())) {
            send(exchange, SimResponse.of(403, HubSpotErrors.missingScopes(route.scope())), headers(route));
            return;
        }
        Storm.Hit hit = faults.drawStorm();
        if (hit == Storm.Hit.STALL) {
            sleep(faults.stormStall());
        }
        if (hit == Storm.Hit.RESET_BEFORE_APPLY) {
            return; // closing the exchange without an answer drops the connection
        }
        OptionalInt failure = hit == Storm.Hit.SERVER_ERROR ? OptionalInt.of(faults.stormServerError())
                : hit == Storm.Hit.RATE_LIMITED ? OptionalInt.of(429) : faults.takeFailure(route.operation());
        if (failure.isPresent()) {
            Map<String, String> headers = new LinkedHashMap<>(headers(route));
            if (failure.getAsInt() == 429 && !route.search()) {
                headers.put("X-HubSpot-RateLimit-Remaining", "0");
            }
            send(exchange, SimResponse.of(failure.getAsInt(), HubSpotErrors.forStatus(failure.getAsInt())), headers);
            return;
        }
        SimResponse response = route.endpoint().handle(request);
        if (hit == Storm.Hit.RESET_AFTER_APPLY) {
            return; // the write stands, the client never hears of it
        }
        sleep(faults.takeDelay(route.operation()));
        send(exchange, response, headers(route));
    }

    private Map<String, String> headers(HubSpotRoutes.Route route) {
        return route.search() ? Map.of() : limits.headers();
    }

    private static void send(HttpExchange exchange, SimResponse response, Map<String, String> headers)
            throws IOException {
        byte[] bytes = SimJson.MAPPER.writeValueAsBytes(response.body());
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static void sleep(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
