package dev.crmsync.adapter.instantly;

import dev.crmsync.core.config.Secret;
import dev.crmsync.core.spi.RateBudget;
import dev.crmsync.core.spi.TransientAdapterException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * HTTP and JSON for Instantly's API v2. Before every request it takes a permit from the host's
 * {@link RateBudget}; on 429 it asks the budget to pause for {@code Retry-After} (or the default wait).
 * Every call, failed or not, is recorded in the caller's {@link CallLog}. Logs operation, status and
 * timing only: never the key, bodies or e-mail addresses. Thread-safe.
 */
final class InstantlyHttp {
    private static final Logger log = LoggerFactory.getLogger(InstantlyHttp.class);
    static final String API = "/api/v2";

    private final String root;
    private final Secret apiKey;
    private final Duration timeout;
    private final RateBudget budget;
    private final HttpClient http;

    InstantlyHttp(URI baseUrl, Secret apiKey, Duration timeout, RateBudget budget) {
        String base = baseUrl.toString();
        this.root = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + API;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.budget = budget;
        // HTTP/1.1 keeps one request per connection, so a timed-out call cannot stall others on a shared stream.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /**
     * Sends one request and returns Instantly's answer, whatever its status.
     *
     * @param pathAndQuery what follows {@code /api/v2}, e.g. {@code /leads/list}
     * @param body         the JSON body, or null to send none (and no {@code Content-Type}: Instantly
     *                     refuses a JSON content type with an empty body)
     * @throws TransientAdapterException when no HTTP answer arrived (timeout, connection failure) or a
     *                                   2xx answer could not be read
     */
    InstantlyResponse send(String operation, String method, String pathAndQuery, JsonNode body, int items,
                           CallLog calls) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root + pathAndQuery))
                .timeout(timeout)
                .header("Authorization", "Bearer " + apiKey.reveal())
                .header("Accept", "application/json");
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(InstantlyJson.MAPPER.writeValueAsBytes(body)));
        }
        budget.acquire();
        long started = System.nanoTime();
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            calls.record(operation, 0, items, elapsedMillis(started));
            log.debug("Instantly {}: no answer after {} ms ({})", operation, elapsedMillis(started),
                    e.getClass().getSimpleName());
            throw InstantlyErrorClassifier.failedCall(operation, timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            calls.record(operation, 0, items, elapsedMillis(started));
            throw new TransientAdapterException("Instantly " + operation + ": interrupted while waiting for Instantly",
                    0, null, e);
        }
        long millis = elapsedMillis(started);
        calls.record(operation, answer.statusCode(), items, millis);
        log.debug("Instantly {}: HTTP {} for {} items in {} ms", operation, answer.statusCode(), items, millis);
        InstantlyResponse response = new InstantlyResponse(operation, answer.statusCode(),
                parse(operation, answer.statusCode(), answer.body()), answer.headers());
        if (response.status() == 429) {
            budget.pauseFor(InstantlyErrorClassifier.rateLimitWait(response.headers()));
        }
        return response;
    }

    private static JsonNode parse(String operation, int status, byte[] body) {
        if (body == null || body.length == 0) {
            return InstantlyJson.object();
        }
        try {
            return InstantlyJson.MAPPER.readTree(body);
        } catch (JacksonException e) {
            if (status >= 200 && status < 300) {
                throw new TransientAdapterException("Instantly " + operation + ": expected a JSON answer, found "
                        + body.length + " unreadable bytes with HTTP " + status, status, null, e);
            }
            // Gateways answer 502/504 with HTML; the status alone classifies those.
            return InstantlyJson.object();
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }
}
