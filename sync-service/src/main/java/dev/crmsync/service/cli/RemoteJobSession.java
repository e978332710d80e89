package dev.crmsync.service.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A running service's admin API ({@code /admin/jobs/...}), with the admin token. */
final class RemoteJobSession implements JobSession {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    RemoteJobSession(String serviceUrl, String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("no admin token: set SYNC_ADMIN_TOKEN or pass --token");
        }
        this.baseUrl = serviceUrl.endsWith("/") ? serviceUrl.substring(0, serviceUrl.length() - 1) : serviceUrl;
        this.token = token.trim();
    }

    @Override
    public long start(String job, Map<String, Object> parameters) throws IOException, InterruptedException {
        Map<String, Object> answer = send("POST", "/admin/jobs/" + job, JSON.writeValueAsString(parameters), 202);
        return ((Number) answer.get("executionId")).longValue();
    }

    @Override
    public Map<String, Object> execution(long id) throws IOException, InterruptedException {
        return send("GET", "/admin/jobs/executions/" + id, null, 200);
    }

    private Map<String, Object> send(String method, String path, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readValue(response.body(), MAP);
    }

    @Override
    public void close() {
    }
}
