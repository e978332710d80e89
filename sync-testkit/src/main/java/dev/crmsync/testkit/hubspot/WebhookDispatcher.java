package dev.crmsync.testkit.hubspot;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends webhook batches one at a time, in order, on its own thread, and retries like HubSpot: after
 * no answer, or any status but 2xx and the five HubSpot does not retry (400, 401, 403, 404, 405).
 * HubSpot retries up to 10 times over a day; here up to {@link WebhookSettings#maxRetries()} times,
 * {@link WebhookSettings#retryDelay()} apart. Each attempt is re-signed with a fresh timestamp and
 * carries its number as every event's {@code attemptNumber}. Every attempt is recorded.
 */
final class WebhookDispatcher implements AutoCloseable {
    private static final Set<Integer> NOT_RETRIED = Set.of(400, 401, 403, 404, 405);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hubspot-sim-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final List<WebhookDelivery> deliveries = new ArrayList<>();
    private CompletableFuture<?> last = CompletableFuture.completedFuture(null);

    WebhookDispatcher(Clock clock) {
        this.clock = clock;
    }

    /** Queues one batch; the future completes with its attempts once delivered or given up. */
    synchronized CompletableFuture<List<WebhookDelivery>> submit(WebhookSettings settings, List<ObjectNode> batch) {
        CompletableFuture<List<WebhookDelivery>> sent = CompletableFuture.supplyAsync(() -> send(settings, batch),
                sender);
        last = sent;
        return sent;
    }

    /** Waits until every batch queued so far has been delivered or given up. */
    void awaitIdle(Duration timeout) {
        CompletableFuture<?> pending;
        synchronized (this) {
            pending = last;
        }
        try {
            pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("webhooks still being delivered after " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("webhook delivery failed: " + e.getCause(), e.getCause());
        }
    }

    synchronized List<WebhookDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    synchronized void clear() {
        deliveries.clear();
    }

    private List<WebhookDelivery> send(WebhookSettings settings, List<ObjectNode> batch) {
        List<WebhookDelivery> attempts = new ArrayList<>();
        for (int attempt = 0; attempt <= settings.maxRetries(); attempt++) {
            if (attempt > 0) {
                sleep(settings.retryDelay());
            }
            WebhookDelivery delivery = attempt(settings, batch, attempt);
            attempts.add(delivery);
            synchronized (this) {
                deliveries.add(delivery);
            }
            if (delivery.isSuccess() || NOT_RETRIED.contains(delivery.status())) {
                break;
            }
        }
        return attempts;
    }

    private WebhookDelivery attempt(WebhookSettings settings, List<ObjectNode> batch, int attempt) {
        ArrayNode events = SimJson.MAPPER.createArrayNode();
        batch.forEach(event -> events.add(event.deepCopy().put("attemptNumber", attempt)));
        byte[] body = SimJson.MAPPER.writeValueAsBytes(events);
        String timestamp = Long.toString(clock.millis());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-HubSpot-Signature", WebhookSigner.v1(settings.clientSecret(), body));
        headers.put("X-HubSpot-Signature-Version", "v1");
        headers.put("X-HubSpot-Signature-v3",
                WebhookSigner.v3(settings.clientSecret(), "POST", settings.target(), body, timestamp));
        headers.put("X-HubSpot-Request-Timestamp", timestamp);
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.target()).timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        Instant sentAt = clock.instant();
        int status;
        try {
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 0;
        }
        return new WebhookDelivery(attempt, settings.target(), body, headers, status, sentAt);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
