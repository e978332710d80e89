package dev.crmsync.testkit.hubspot;

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
    private final String token;

    SimHttp(HubSpotSimulator simulator) {
        this(simulator.baseUrl(), simulator.accessToken());
    }

    SimHttp(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    SimHttp withToken(String other) {
        return new SimHttp(baseUrl, other);
    }

    Answer post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    private Answer send(HttpRequest.Builder builder) {
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
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

    /** A batch upsert body; each entry is {@code email} then alternating property names and values. */
    static String upsertBody(boolean traceIds, String[]... inputs) {
        StringBuilder json = new StringBuilder("{\"inputs\":[");
        for (int i = 0; i < inputs.length; i++) {
            String[] input = inputs[i];
            json.append(i == 0 ? "" : ",").append("{\"idProperty\":\"email\",\"id\":\"").append(input[0]).append('"');
            if (traceIds) {
                json.append(",\"objectWriteTraceId\":\"t").append(i).append('"');
            }
            json.append(",\"properties\":{");
            for (int p = 1; p + 1 < input.length; p += 2) {
                json.append(p == 1 ? "" : ",").append('"').append(input[p]).append("\":\"").append(input[p + 1])
                        .append('"');
            }
            json.append("}}");
        }
        return json.append("]}").toString();
    }

    static String[] input(String... emailThenProperties) {
        return emailThenProperties;
    }
}
