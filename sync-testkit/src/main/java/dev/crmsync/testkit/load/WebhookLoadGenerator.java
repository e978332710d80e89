package dev.crmsync.testkit.load;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts Instantly-shaped webhooks (each a distinct event) to the service and reports acknowledged
 * webhooks per second and acknowledgement latency. Two modes:
 * <ul>
 *   <li>{@code --rate 0}: closed loop, {@code --connections} senders back to back (saturation);</li>
 *   <li>{@code --rate N}: open loop at N per second spread over the connections; latency counts from
 *       the moment a request was due, so a slow server cannot hide its queueing (no coordinated omission).</li>
 * </ul>
 * Usage: {@code --url http://127.0.0.1:8080/webhooks/instantly --secret s --rate 2000 --seconds 10 --connections 64}
 */
public final class WebhookLoadGenerator {
    private final URI url;
    private final String secret;
    private final AtomicLong sequence = new AtomicLong();
    private final String runId = Long.toString(System.nanoTime(), 36);
    private final String leadPrefix;
    private volatile Acknowledged onAcknowledged = (n, at) -> {
    };

    /** Told of every 2xx: the request's sequence number (see {@link #leadEmail}) and {@link System#nanoTime()} on receipt. */
    @FunctionalInterface
    public interface Acknowledged {
        void acknowledged(long sequence, long nanoTime);
    }

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

    public WebhookLoadGenerator(URI url, String secret) {
        this(url, secret, "load");
    }

    /** @param leadPrefix lead emails are {@code <leadPrefix><n % 50000>@bench.example} */
    public WebhookLoadGenerator(URI url, String secret, String leadPrefix) {
        this.url = url;
        this.secret = secret;
        this.leadPrefix = leadPrefix;
    }

    /** Calls {@code listener} for every acknowledged request (end-to-end latency benchmarks). */
    public WebhookLoadGenerator onAcknowledged(Acknowledged listener) {
        this.onAcknowledged = listener;
        return this;
    }

    /** The lead email of the request with sequence number {@code n}. */
    public String leadEmail(long n) {
        return leadPrefix + (n % 50_000) + "@bench.example";
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
        WebhookLoadGenerator generator = new WebhookLoadGenerator(URI.create(url), secret);
        System.out.println(generator.run(rate, connections, Duration.ofSeconds(seconds)));
    }

    /**
     * Runs {@code connections} senders for {@code duration}. With {@code perSecond <= 0} each sends as
     * soon as it is answered; otherwise request i is due at {@code i / perSecond} seconds and goes out on
     * the next free connection, its latency counted from when it was due. Either way nothing new is sent
     * after {@code duration}: a server slower than the offered rate ends with fewer sent than offered
     * (the acknowledged rate shows it) instead of stretching the run.
     */
    public Result run(double perSecond, int connections, Duration duration) throws InterruptedException {
        boolean openLoop = perSecond > 0;
        long total = openLoop ? (long) (perSecond * duration.toSeconds()) : Long.MAX_VALUE;
        LatencyRecorder latencies = new LatencyRecorder(openLoop ? (int) Math.min(total, 10_000_000) : 10_000_000);
        AtomicLong next = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        String auth = "X-Webhook-Secret: " + secret + "\r\n";
        List<Thread> senders = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread sender = new Thread(() -> {
                try (KeepAliveConnection connection = new KeepAliveConnection(url, auth)) {
                    while (true) {
                        long i = next.getAndIncrement();
                        long due = openLoop ? start + (long) (i * 1e9 / perSecond) : System.nanoTime();
                        if (i >= total || due > end || System.nanoTime() > end) {
                            return;
                        }
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        try {
                            long n = sequence.incrementAndGet();
                            int status = connection.post(body(n));
                            boolean acked = status >= 200 && status < 300;
                            if (acked) {
                                onAcknowledged.acknowledged(n, System.nanoTime());
                            }
                            (acked ? ok : failed).incrementAndGet();
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                        latencies.record((System.nanoTime() - due) / 1_000);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "load-" + c);
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(openLoop ? "open-loop" : "saturation", Math.max(0, perSecond), ok.get() + failed.get(),
                ok.get(), failed.get(), seconds, latencies.percentileMillis(50), latencies.percentileMillis(99),
                latencies.percentileMillis(100));
    }

    private byte[] body(long n) {
        return ("{\"timestamp\":\"" + Instant.now() + "\",\"event_type\":\"email_opened\","
                + "\"workspace\":\"ws-load\",\"campaign_id\":\"camp-load\",\"campaign_name\":\"Load\","
                + "\"lead_email\":\"" + leadEmail(n) + "\",\"email_account\":\"sdr@sender.example\","
                + "\"step\":" + (n % 5 + 1) + ",\"email_id\":\"" + runId + "-" + n + "\",\"open_count\":1}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
