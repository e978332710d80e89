package dev.crmsync.testkit.instantly;

import dev.crmsync.testkit.http.FaultPlan;
import dev.crmsync.testkit.http.RequestCounters;
import dev.crmsync.testkit.http.Storm;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The request pipeline: state page, latency, bearer auth (401), route (404), the workspace rate limit
 * (429 with {@code Retry-After}), an injected fault, the endpoint itself, then an optional late answer.
 */
final class InstantlyApiHandler implements HttpHandler {
    static final String STATE_PATH = "/_sim/state";
    /** What an injected 429 asks the client to wait, in seconds. */
    static final String INJECTED_RETRY_AFTER = "1";

    private final byte[] expectedAuthorization;
    private final InstantlyRoutes routes;
    private final RateLimits limits;
    private final FaultPlan faults;
    private final RequestCounters counters;
    private final Supplier<JsonNode> state;

    InstantlyApiHandler(String apiKey, InstantlyRoutes routes, RateLimits limits, FaultPlan faults,
                        RequestCounters counters, Supplier<JsonNode> state) {
        this.expectedAuthorization = ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
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
                send(exchange, SimResponse.ok(state.get()), Map.of());
                return;
            }
            sleep(faults.latency());
            if (!isAuthorised(exchange)) {
                String header = exchange.getRequestHeaders().getFirst("Authorization");
                send(exchange, SimResponse.of(401, InstantlyErrors.error(401, header == null
                        ? "Missing Authorization header" : "Invalid API key")), Map.of());
                return;
            }
            Optional<InstantlyRoutes.Route> route = routes.resolve(method, path);
            if (route.isEmpty()) {
                send(exchange, SimResponse.of(404, InstantlyErrors.error(404, "Route " + method + ":" + path
                        + " not found")), Map.of());
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (body.length == 0 && contentType != null && contentType.contains("application/json")) {
                // Fastify's rule, which Instantly's API is reported to follow: a JSON content type needs a body.
                send(exchange, InstantlyErrors.badRequest("Body cannot be empty when content-type is set to "
                        + "'application/json'"), Map.of());
                return;
            }
            InstantlyRoutes.Route found = route.get();
            String id = found.id() == null ? null : URLDecoder.decode(found.id(), StandardCharsets.UTF_8);
            handle(exchange, found, new SimRequest(method, path, id,
                    SimRequest.parseQuery(exchange.getRequestURI().getRawQuery()), body));
        } catch (IOException e) {
            // The client went away, typically after timing out on a delayed answer; the write stands.
        }
    }

    private void handle(HttpExchange exchange, InstantlyRoutes.Route route, SimRequest request) throws IOException {
        Optional<Duration> wait = limits.admit();
        if (wait.isPresent()) {
            counters.rateLimited();
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            send(exchange, SimResponse.of(429, InstantlyErrors.error(429, "Rate limit exceeded")),
                    Map.of("Retry-After", String.valueOf(seconds)));
            return;
        }
        counters.admitted(route.operation());
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
            int status = failure.getAsInt();
            send(exchange, SimResponse.of(status, InstantlyErrors.forStatus(status)),
                    status == 429 ? Map.of("Retry-After", INJECTED_RETRY_AFTER) : Map.of());
            return;
        }
        SimResponse response = route.endpoint().handle(request);
        if (hit == Storm.Hit.RESET_AFTER_APPLY) {
            return; // the write stands, the client never hears of it
        }
        sleep(faults.takeDelay(route.operation()));
        send(exchange, response, Map.of());
    }

    private boolean isAuthorised(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return authorization != null
                && MessageDigest.isEqual(expectedAuthorization, authorization.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, SimResponse response, Map<String, String> headers)
            throws IOException {
        byte[] bytes = SimJson.MAPPER.writeValueAsBytes(response.body());
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
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
