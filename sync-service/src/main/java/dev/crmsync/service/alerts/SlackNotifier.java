package dev.crmsync.service.alerts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts {@code {"text": ...}} to a Slack incoming webhook ({@code SLACK_WEBHOOK_URL}) on one background
 * thread: {@link #post} only queues, so callers never wait on Slack. Each request times out after
 * {@value #TIMEOUT_SECONDS} s; failures are logged, never thrown. The URL is a secret and never logged.
 */
public final class SlackNotifier implements AutoCloseable {
    static final int TIMEOUT_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(SlackNotifier.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI webhookUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(TIMEOUT_SECONDS)).build();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "slack-notifier");
        thread.setDaemon(true);
        return thread;
    });

    public SlackNotifier(URI webhookUrl) {
        this.webhookUrl = Objects.requireNonNull(webhookUrl, "webhookUrl");
    }

    /** Queues {@code text} for posting; returns at once. */
    public void post(String text) {
        try {
            sender.execute(() -> send(text));
        } catch (RejectedExecutionException e) {
            log.warn("Slack alert dropped: the notifier is shut down");
        }
    }

    private void send(String text) {
        try {
            byte[] body = JSON.writeValueAsString(Map.of("text", text)).getBytes(StandardCharsets.UTF_8);
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(webhookUrl)
                    .timeout(Duration.ofSeconds(TIMEOUT_SECONDS))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                log.warn("Slack alert not accepted: HTTP {}", response.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Slack alert interrupted");
        } catch (Exception e) {
            log.warn("Slack alert failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.shutdownNow();
    }
}
