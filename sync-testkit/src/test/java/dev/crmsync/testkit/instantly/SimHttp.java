package dev.crmsync.testkit.instantly;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JDK HTTP client for talking to the simulator the way an API client would. */
final class SimHttp {
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** @param status the HTTP status; @param body the parsed JSON body; @param raw the full response */
    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String key;

    SimHttp(InstantlySimulator simulator) {
        this(simulator.baseUrl(), simulator.apiKey());
    }

    SimHttp(String baseUrl, String key) {
        this.baseUrl = baseUrl;
        this.key = key;
    }

    SimHttp withKey(String other) {
        return new SimHttp(baseUrl, other);
    }

    Answer post(String path, String json) {
        return send("POST", path, json);
    }

    Answer patch(String path, String json) {
        return send("PATCH", path, json);
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer delete(String path) {
        return send("DELETE", path, null);
    }

    Answer send(String method, String path, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (json == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        try {
            HttpResponse<String> response = client.send(builder.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), JSON.readTree(response.body()), response);
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
