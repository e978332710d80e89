package dev.crmsync.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Builds Instantly-shaped webhook bodies and posts them the way Instantly does (custom secret header). */
public final class InstantlyWebhooks {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;

    public InstantlyWebhooks(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** A body as Instantly sends it for {@code type}; {@code extra} adds or overrides fields. */
    public static String event(String type, String email, Instant timestamp, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", timestamp.toString());
        body.put("event_type", type);
        body.put("workspace", "6f1c7d2e-0000-4000-8000-000000000001");
        body.put("campaign_id", "c0ffee00-0000-4000-8000-000000000002");
        body.put("campaign_name", "Q4 outbound");
        body.put("lead_email", email);
        body.put("email_account", "sdr@sender.example");
        body.put("step", 1);
        body.putAll(extra);
        return JSON.writeValueAsString(body);
    }

    public HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .header("X-Webhook-Secret", RunningService.WEBHOOK_SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
