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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * HTTP and JSON for HubSpot's CRM v3 API. Before every request it waits for {@link HubSpotRateLimits}
 * (HubSpot's windows, then a permit from the host's {@link RateBudget}); every answer goes back to it
 * (headers, and the policy of a 429). The bearer token comes from {@link HubSpotCredentials}; a 401 makes
 * it renew the token once and repeat the call once. Every call, failed or not, is recorded in the caller's
 * {@link CallLog}. Logs operation, status and timing only: never the token, bodies or e-mail addresses.
 * Thread-safe.
 */
final class HubSpotClient {
    private static final Logger log = LoggerFactory.getLogger(HubSpotClient.class);
    static final String OBJECTS = "/crm/v3/objects/";

    private final URI baseUrl;
    private final HubSpotCredentials credentials;
    private final Duration timeout;
    private final HubSpotRateLimits limits;
    private final HttpClient http;

    HubSpotClient(URI baseUrl, HubSpotCredentials credentials, Duration timeout, HubSpotRateLimits limits,
                  HttpClient http) {
        this.baseUrl = baseUrl;
        this.credentials = credentials;
        this.timeout = timeout;
        this.limits = limits;
        this.http = http;
    }

    /** HTTP/1.1 keeps one request per connection, so a timed-out call cannot stall others on a shared stream. */
    static HttpClient http(Duration timeout) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /**
     * POSTs {@code body} to {@code /crm/v3/objects/<path>} and returns HubSpot's answer, whatever its status.
     *
     * @throws TransientAdapterException when no HTTP answer arrived (timeout, connection failure) or a
     *                                   2xx answer could not be read
     */
    HubSpotResponse post(String operation, String path, JsonNode body, int items, CallLog calls) {
        return postJson(operation, OBJECTS + path, body, items, calls);
    }

    /**
     * POSTs {@code body} to {@code pathFromRoot} (e.g. {@code /crm/v3/properties/contacts}); a path ending in
     * {@code /search} is a CRM search, under search's own limit.
     *
     * @throws TransientAdapterException when no HTTP answer arrived or a 2xx answer could not be read
     */
    HubSpotResponse postJson(String operation, String pathFromRoot, JsonNode body, int items, CallLog calls) {
        HttpRequest request = request(pathFromRoot)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(HubSpotJson.MAPPER.writeValueAsBytes(body)))
                .build();
        HubSpotRateLimits.Kind kind = pathFromRoot.endsWith("/search") ? HubSpotRateLimits.Kind.SEARCH
                : HubSpotRateLimits.Kind.API;
        return send(operation, request, kind, items, calls);
    }

    /** GETs set-up information (account details) outside daily pacing, which itself needs it. */
    HubSpotResponse setup(String operation, String pathAndQuery) {
        return send(operation, request(pathAndQuery).GET().build(), HubSpotRateLimits.Kind.SETUP, 1, new CallLog());
    }

    /**
     * GETs {@code pathAndQuery}, taken from the API root (e.g. {@code /crm/v3/objects/contacts/1?properties=email}),
     * and returns HubSpot's answer, whatever its status.
     *
     * @throws TransientAdapterException when no HTTP answer arrived or a 2xx answer could not be read
     */
    HubSpotResponse get(String operation, String pathAndQuery, CallLog calls) {
        return send(operation, request(pathAndQuery).GET().build(), HubSpotRateLimits.Kind.API, 1, calls);
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(timeout)
                .header("Accept", "application/json");
    }

    private HubSpotResponse send(String operation, HttpRequest request, HubSpotRateLimits.Kind kind, int items,
                                 CallLog calls) {
        Secret token = credentials.token();
        HubSpotResponse response = sendOnce(operation, authorised(request, token), kind, items, calls);
        if (response.status() == 401 && credentials.renewAfterRejection(token)) {
            response = sendOnce(operation, authorised(request, credentials.token()), kind, items, calls);
        }
        return response;
    }

    private static HttpRequest authorised(HttpRequest request, Secret token) {
        return HttpRequest.newBuilder(request, (name, value) -> true)
                .header("Authorization", "Bearer " + token.reveal()).build();
    }

    private HubSpotResponse sendOnce(String operation, HttpRequest request, HubSpotRateLimits.Kind kind, int items,
                                     CallLog calls) {
        limits.acquire(kind);
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
        limits.observe(response, kind);
        return response;
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
