package dev.crmsync.testkit.instantly;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers events the way Instantly does: a JSON POST to every active subscription whose event type
 * matches (or {@code all_events}; a null type takes custom labels) and whose campaign filter allows
 * it, with the subscription's custom headers. A failed try (non-2xx or no answer) is retried up to
 * three times within 30 s with the identical body. Optionally, a subscription whose deliveries keep
 * failing is disabled, as Instantly does. Asynchronous and thread-safe.
 */
final class WebhookSender {
    /** Retries after 2, 10 and 30 s: "up to 3 times within 30 seconds". */
    static final List<Duration> DEFAULT_RETRY_DELAYS = List.of(Duration.ofSeconds(2), Duration.ofSeconds(8),
            Duration.ofSeconds(20));
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final Set<String> CATALOG = Set.of("email_sent", "email_opened", "email_link_clicked",
            "link_clicked", "reply_received", "auto_reply_received", "email_bounced", "lead_unsubscribed",
            "campaign_completed", "account_error", "lead_neutral", "lead_interested", "lead_not_interested",
            "lead_meeting_booked", "lead_meeting_completed", "lead_closed", "lead_out_of_office",
            "lead_wrong_person", "lead_no_show", "supersearch_enrichment_completed");

    private final WebhookStore webhooks;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<WebhookDelivery> finished = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failedInARow = new ConcurrentHashMap<>();
    private final AtomicInteger generation = new AtomicInteger();
    private volatile List<Duration> retryDelays = DEFAULT_RETRY_DELAYS;
    private volatile Duration timeout = DEFAULT_TIMEOUT;
    private volatile int disableAfter;

    WebhookSender(WebhookStore webhooks, Clock clock, ScheduledExecutorService scheduler) {
        this.webhooks = webhooks;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /** Starts delivering {@code body} to every matching subscription; completes when each is delivered or given up. */
    CompletableFuture<List<WebhookDelivery>> send(String eventType, String campaignId, byte[] body) {
        List<CompletableFuture<WebhookDelivery>> deliveries = new ArrayList<>();
        for (SimulatedWebhook webhook : webhooks.all()) {
            if (matches(webhook, eventType, campaignId)) {
                deliveries.add(deliver(webhook, eventType, body));
            }
        }
        return CompletableFuture.allOf(deliveries.toArray(new CompletableFuture<?>[0]))
                .thenApply(ignored -> deliveries.stream().map(CompletableFuture::join).toList());
    }

    static boolean matches(SimulatedWebhook webhook, String eventType, String campaignId) {
        if (!webhook.isActive() || (webhook.campaignId() != null && !webhook.campaignId().equals(campaignId))) {
            return false;
        }
        String type = webhook.eventType();
        if (type == null) {
            return !CATALOG.contains(eventType);
        }
        return type.equals("all_events") || canonical(type).equals(canonical(eventType));
    }

    List<WebhookDelivery> finished() {
        return List.copyOf(finished);
    }

    void setRetryDelays(List<Duration> delays) {
        this.retryDelays = List.copyOf(delays);
    }

    void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    void disableAfterFailedDeliveries(int count) {
        this.disableAfter = count;
    }

    /** Forgets finished deliveries and settings; tries still scheduled from before are dropped. */
    void reset() {
        generation.incrementAndGet();
        finished.clear();
        failedInARow.clear();
        retryDelays = DEFAULT_RETRY_DELAYS;
        timeout = DEFAULT_TIMEOUT;
        disableAfter = 0;
    }

    private CompletableFuture<WebhookDelivery> deliver(SimulatedWebhook webhook, String eventType, byte[] body) {
        CompletableFuture<WebhookDelivery> done = new CompletableFuture<>();
        List<DeliveryAttempt> attempts = Collections.synchronizedList(new ArrayList<>());
        Delivery delivery = new Delivery(webhook, eventType, body, attempts, done, generation.get(), retryDelays);
        scheduler.execute(() -> attempt(delivery, 1));
        return done;
    }

    private record Delivery(SimulatedWebhook webhook, String eventType, byte[] body, List<DeliveryAttempt> attempts,
                            CompletableFuture<WebhookDelivery> done, int generation, List<Duration> delays) {
        WebhookDelivery result() {
            return new WebhookDelivery(webhook.id(), webhook.targetHookUrl(), eventType, body, attempts);
        }
    }

    private void attempt(Delivery delivery, int number) {
        if (delivery.generation() != generation.get()) {
            delivery.done().complete(delivery.result());
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.webhook().targetHookUrl()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
        delivery.webhook().headers().forEach(request::header);
        Instant sentAt = clock.instant();
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            DeliveryAttempt attempt = error == null ? new DeliveryAttempt(number, sentAt, response.statusCode(), null)
                    : new DeliveryAttempt(number, sentAt, 0, describe(error));
            delivery.attempts().add(attempt);
            if (attempt.succeeded() || number > delivery.delays().size()) {
                finish(delivery, attempt.succeeded());
            } else {
                scheduler.schedule(() -> attempt(delivery, number + 1), delivery.delays().get(number - 1).toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        });
    }

    private void finish(Delivery delivery, boolean delivered) {
        String id = delivery.webhook().id();
        if (delivery.generation() == generation.get()) {
            finished.add(delivery.result());
            AtomicInteger failures = failedInARow.computeIfAbsent(id, k -> new AtomicInteger());
            if (delivered) {
                failures.set(0);
            } else if (disableAfter > 0 && failures.incrementAndGet() >= disableAfter) {
                webhooks.update(id, w -> w.isActive() ? w.paused(clock.instant()) : w);
            }
        }
        delivery.done().complete(delivery.result());
    }

    private static String canonical(String eventType) {
        return eventType.equals("link_clicked") ? "email_link_clicked" : eventType;
    }

    private static String describe(Throwable error) {
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
