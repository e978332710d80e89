package dev.crmsync.service.batch;

import static org.awaitility.Awaitility.await;

import dev.crmsync.service.RunningService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The job endpoints of the admin API, called over HTTP with the admin token, as an operator would. */
final class AdminJobs {
    static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final RunningService service;

    AdminJobs(RunningService service) {
        this.service = service;
    }

    /** {@code POST /admin/jobs/{name}}; the whole answer. */
    HttpResponse<String> post(String name, Map<String, Object> parameters) throws IOException, InterruptedException {
        return send("POST", "/admin/jobs/" + name, JSON.writeValueAsString(parameters));
    }

    /** Starts a job and returns its execution id, failing unless the answer is 202. */
    long start(String name, Map<String, Object> parameters) throws IOException, InterruptedException {
        HttpResponse<String> answer = post(name, parameters);
        if (answer.statusCode() != 202) {
            throw new AssertionError("start " + name + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body()).get("executionId").asLong();
    }

    JsonNode execution(long id) throws IOException, InterruptedException {
        return JSON.readTree(send("GET", "/admin/jobs/executions/" + id, null).body());
    }

    JsonNode executions() throws IOException, InterruptedException {
        return JSON.readTree(send("GET", "/admin/jobs/executions", null).body());
    }

    /** {@code GET /admin/openapi.yaml}. */
    HttpResponse<String> openApi() throws IOException, InterruptedException {
        return send("GET", "/admin/openapi.yaml", null);
    }

    HttpResponse<String> stop(long id) throws IOException, InterruptedException {
        return send("POST", "/admin/jobs/executions/" + id + "/stop", "");
    }

    HttpResponse<String> restart(long id) throws IOException, InterruptedException {
        return send("POST", "/admin/jobs/executions/" + id + "/restart", "");
    }

    /** Waits until the execution ended and returns its last view. */
    JsonNode awaitEnd(long id, Duration atMost) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
            last.set(execution(id));
            return ENDED.contains(last.get().path("status").asString());
        });
        return last.get();
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.uri(path).toString()))
                .header("Authorization", "Bearer " + RunningService.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(30));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
