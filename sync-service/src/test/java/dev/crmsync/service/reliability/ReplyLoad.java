package dev.crmsync.service.reliability;

import dev.crmsync.service.InstantlyWebhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Instantly replies posted back to back by several senders, each a distinct event for a distinct lead
 * ({@code <run>-<n>@load.example}), spread round-robin over one or more service endpoints. Keeps the
 * ledger the suite asserts on: which leads got a 2xx, what every other answer was, and how long the
 * slowest refusal took. A sender that gets no 2xx moves on, as Instantly would retry later: only
 * acknowledged events are promised.
 */
final class ReplyLoad implements AutoCloseable {
    static final String SECRET_HEADER = "X-Webhook-Secret";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String run;
    private final List<URI> endpoints;
    private final String secret;
    private final Set<String> acked = ConcurrentHashMap.newKeySet();
    private final Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong slowestRefusalNanos = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> senders = new ArrayList<>();

    ReplyLoad(String run, List<URI> endpoints, String secret, int threads) {
        this.run = run;
        this.endpoints = List.copyOf(endpoints);
        this.secret = secret;
        for (int t = 0; t < threads; t++) {
            Thread sender = new Thread(this::send, "reply-load-" + run + "-" + t);
            sender.setDaemon(true);
            senders.add(sender);
        }
        senders.forEach(Thread::start);
    }

    static String email(String run, int n) {
        return run + "-" + n + "@load.example";
    }

    private void send() {
        int n;
        while (running.get()) {
            n = next.getAndIncrement();
            String email = email(run, n);
            String body = InstantlyWebhooks.event("reply_received", email, Instant.now(),
                    Map.of("email_id", run + "-reply-" + n, "reply_text", "Reply number " + n));
            URI endpoint = endpoints.get(n % endpoints.size());
            long started = System.nanoTime();
            int status;
            try {
                status = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json").header(SECRET_HEADER, secret)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception refusedResetOrTimedOut) {
                status = 0;
            }
            answers.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
            if (status >= 200 && status < 300) {
                acked.add(email);
            } else if (status != 0) {
                slowestRefusalNanos.accumulateAndGet(System.nanoTime() - started, Math::max);
            } else {
                pause();
            }
        }
    }

    // No answer at all (service down): do not spin on connection refusals.
    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Leads whose reply got a 2xx. */
    Set<String> acked() {
        return Set.copyOf(acked);
    }

    int ackedCount() {
        return acked.size();
    }

    /** Requests sent so far (answered or not). */
    int sent() {
        return answers.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Count of answers by HTTP status; 0 counts requests that got no answer (refused, reset, timed out). */
    Map<Integer, Integer> answers() {
        Map<Integer, Integer> copy = new TreeMap<>();
        answers.forEach((status, n) -> copy.put(status, n.get()));
        return copy;
    }

    int answered(int status) {
        AtomicInteger n = answers.get(status);
        return n == null ? 0 : n.get();
    }

    /** The longest a non-2xx HTTP answer took to arrive. */
    Duration slowestRefusal() {
        return Duration.ofNanos(slowestRefusalNanos.get());
    }

    /** Stops the senders after their request in flight. */
    void stop() throws InterruptedException {
        running.set(false);
        for (Thread sender : senders) {
            sender.join(60_000);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
