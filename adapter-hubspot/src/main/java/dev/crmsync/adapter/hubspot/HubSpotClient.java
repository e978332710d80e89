package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.config.Secret;
import dev.crmsync.core.spi.RateBudget;
import dev.crmsync.core.spi.TransientAdapterException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * HTTP and JSON for HubSpot's CRM v3 API. Before every request it takes a permit from the host's
 * {@link RateBudget}; after every answer it reports {@code X-HubSpot-RateLimit-Remaining}/{@code -Max}
 * and, on 429, asks the budget to pause for the wait HubSpot implies. Every call, failed or not, is
 * recorded in the caller's {@link CallLog}. Logs operation, status and timing only: never the token,
 * bodies or e-mail addresses. Thread-safe.
 */
final class HubSpotClient {
    private static final Logger log = LoggerFactory.getLogger(HubSpotClient.class);
    static final String OBJECTS = "/crm/v3/objects/";

    private final URI baseUrl;
    private final Secret accessToken;
    private final Duration timeout;
    private final RateBudget budget;
    private final HttpClient http;

    HubSpotClient(URI baseUrl, Secret accessToken, Duration timeout, RateBudget budget) {
        this.baseUrl = baseUrl;
        this.accessToken = accessToken;
        this.timeout = timeout;
        this.budget = budget;
        // HTTP/1.1 keeps one request per connection, so a timed-out call cannot stall others on a shared stream.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /**
     * POSTs {@code body} to {@code /crm/v3/objects/<path>} and returns HubSpot's answer, whatever its status.
     *
     * @throws TransientAdapterException when no HTTP answer arrived (timeout, connection failure) or a
     *                                   2xx answer could not be read
     */
    HubSpotResponse post(String operation, String path, JsonNode body, int items, CallLog calls) {
        HttpRequest request = request(OBJECTS + path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(HubSpotJson.MAPPER.writeValueAsBytes(body)))
                .build();
        return send(operation, request, items, calls);
    }

    /**
     * GETs {@code pathAndQuery}, taken from the API root (e.g. {@code /crm/v3/objects/contacts/1?properties=email}),
     * and returns HubSpot's answer, whatever its status.
     *
     * @throws TransientAdapterException when no HTTP answer arrived or a 2xx answer could not be read
     */
    HubSpotResponse get(String operation, String pathAndQuery, CallLog calls) {
        return send(operation, request(pathAndQuery).GET().build(), 1, calls);
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(timeout)
                .header("Authorization", "Bearer " + accessToken.reveal())
                .header("Accept", "application/json");
    }

    private HubSpotResponse send(String operation, HttpRequest request, int items, CallLog calls) {
        budget.acquire();
        long started = System.nanoTime();
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            calls.record(operation, 0, items, elapsedMillis(started));
            log.debug("HubSpot {}: no answer after {} ms ({})", operation, elapsedMillis(started),
                    e.getClass().getSimpleName());
            throw HubSpotErrorClassifier.failedCall(operation, timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            calls.record(operation, 0, items, elapsedMillis(started));
            throw new TransientAdapterException("HubSpot " + operation + ": interrupted while waiting for HubSpot",
                    0, null, e);
        }
        long millis = elapsedMillis(started);
        calls.record(operation, answer.statusCode(), items, millis);
        log.debug("HubSpot {}: HTTP {} for {} inputs in {} ms", operation, answer.statusCode(), items, millis);
        HubSpotResponse response = new HubSpotResponse(operation, answer.statusCode(),
                parse(operation, answer.statusCode(), answer.body()), answer.headers());
        reportBudget(response);
        return response;
    }

    private void reportBudget(HubSpotResponse response) {
        Optional<Long> remaining = HubSpotErrorClassifier.number(response.headers(), "X-HubSpot-RateLimit-Remaining");
        Optional<Long> max = HubSpotErrorClassifier.number(response.headers(), "X-HubSpot-RateLimit-Max");
        if (remaining.isPresent() && max.isPresent()) {
            budget.observeRemaining(remaining.get(), max.get());
        }
        if (response.status() == 429) {
            budget.pauseFor(HubSpotErrorClassifier.rateLimitWait(response.headers()));
        }
    }

    private static JsonNode parse(String operation, int status, byte[] body) {
        if (body == null || body.length == 0) {
            return HubSpotJson.object();
        }
        try {
            return HubSpotJson.MAPPER.readTree(body);
        } catch (JacksonException e) {
            if (status >= 200 && status < 300) {
                throw new TransientAdapterException("HubSpot " + operation + ": expected a JSON answer, found "
                        + body.length + " unreadable bytes with HTTP " + status, status, null, e);
            }
            // Gateways answer 502/504 with HTML; the status alone classifies those.
            return HubSpotJson.object();
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }
}
