package dev.crmsync.testkit.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts Instantly-shaped webhooks (each a distinct event) to the service and reports acknowledged
 * webhooks per second and acknowledgement latency. Two modes:
 * <ul>
 *   <li>{@code --rate 0}: closed loop, {@code --connections} senders back to back (saturation);</li>
 *   <li>{@code --rate N}: open loop at N per second; latency counts from the moment a request was
 *       due, so a slow server cannot hide its queueing (no coordinated omission).</li>
 * </ul>
 * Usage: {@code --url http://127.0.0.1:8080/webhooks/instantly --secret s --rate 2000 --seconds 10 --connections 64}
 */
public final class WebhookLoadGenerator {
    private final URI url;
    private final String secret;
    private final HttpClient http;
    private final AtomicLong sequence = new AtomicLong();
    private final String runId = Long.toString(System.nanoTime(), 36);

    /** What one run measured. */
    public record Result(String mode, double offeredPerSecond, long sent, long acknowledged, long failed,
                         double seconds, double p50Millis, double p99Millis, double maxMillis) {
        public double ackedPerSecond() {
            return acknowledged / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-10s offered=%8s acked/s=%8.0f sent=%7d acked=%7d failed=%5d "
                            + "p50=%7.2f ms p99=%7.2f ms max=%7.2f ms",
                    mode, offeredPerSecond == 0 ? "max" : String.format(Locale.ROOT, "%.0f", offeredPerSecond),
                    ackedPerSecond(), sent, acknowledged, failed, p50Millis, p99Millis, maxMillis);
        }
    }

    public WebhookLoadGenerator(URI url, String secret, int connections) {
        this.url = url;
        this.secret = secret;
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(4, connections));
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static void main(String[] args) throws Exception {
        String url = "http://127.0.0.1:8080/webhooks/instantly";
        String secret = "sandbox-webhook-secret";
        double rate = 0;
        int seconds = 10;
        int connections = 64;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--secret" -> secret = args[i + 1];
                case "--rate" -> rate = Double.parseDouble(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--connections" -> connections = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; expected --url, --secret, --rate, --seconds, --connections");
            }
        }
        WebhookLoadGenerator generator = new WebhookLoadGenerator(URI.create(url), secret, connections);
        Result result = rate <= 0 ? generator.saturate(connections, Duration.ofSeconds(seconds))
                : generator.openLoop(rate, Duration.ofSeconds(seconds), connections * 4);
        System.out.println(result);
        System.exit(0);
    }

    /** Closed loop: {@code senders} threads each send as fast as they are answered. */
    public Result saturate(int senders, Duration duration) throws InterruptedException {
        LatencyRecorder latencies = new LatencyRecorder(5_000_000);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        for (int s = 0; s < senders; s++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(request(), HttpResponse.BodyHandlers.discarding());
                        count(response.statusCode(), ok, failed);
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    latencies.record((System.nanoTime() - t0) / 1_000);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result("saturation", 0, ok.get() + failed.get(), ok.get(), failed.get(), seconds,
                latencies.percentileMillis(50), latencies.percentileMillis(99), latencies.percentileMillis(100));
    }

    /** Open loop at a fixed rate, at most {@code maxInFlight} requests outstanding. */
    public Result openLoop(double perSecond, Duration duration, int maxInFlight) throws InterruptedException {
        LatencyRecorder latencies = new LatencyRecorder((int) Math.min(5_000_000, perSecond * duration.toSeconds() + 10));
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Semaphore inFlight = new Semaphore(maxInFlight);
        long total = (long) (perSecond * duration.toSeconds());
        double intervalNanos = 1e9 / perSecond;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + (long) (i * intervalNanos);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            inFlight.acquire();
            http.sendAsync(request(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                latencies.record((System.nanoTime() - due) / 1_000);
                if (error != null) {
                    failed.incrementAndGet();
                } else {
                    count(response.statusCode(), ok, failed);
                }
                inFlight.release();
            });
        }
        inFlight.acquire(maxInFlight);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result("open-loop", perSecond, total, ok.get(), failed.get(), seconds,
                latencies.percentileMillis(50), latencies.percentileMillis(99), latencies.percentileMillis(100));
    }

    private static void count(int status, AtomicLong ok, AtomicLong failed) {
        if (status >= 200 && status < 300) {
            ok.incrementAndGet();
        } else {
            failed.incrementAndGet();
        }
    }

    private HttpRequest request() {
        long n = sequence.incrementAndGet();
        String body = "{\"timestamp\":\"" + Instant.now() + "\",\"event_type\":\"email_opened\","
                + "\"workspace\":\"ws-load\",\"campaign_id\":\"camp-load\",\"campaign_name\":\"Load\","
                + "\"lead_email\":\"load" + (n % 50_000) + "@bench.example\",\"email_account\":\"sdr@sender.example\","
                + "\"step\":" + (n % 5 + 1) + ",\"email_id\":\"" + runId + "-" + n + "\",\"open_count\":1}";
        return HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("X-Webhook-Secret", secret).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
