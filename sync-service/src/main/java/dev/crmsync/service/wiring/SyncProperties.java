package dev.crmsync.service.wiring;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The service's own settings ({@code sync.*} in application.yaml, fed by the documented environment variables). */
@ConfigurationProperties(prefix = "sync")
public record SyncProperties(Database database, String mappings, String adminToken, String publicUrl, Ingest ingest,
                             Workers workers, Dispatch dispatch, Map<String, RateLimit> rateLimits, Watchdog watchdog,
                             Alerts alerts) {

    public SyncProperties {
        rateLimits = rateLimits == null ? Map.of() : Map.copyOf(rateLimits);
        watchdog = watchdog == null ? new Watchdog(null) : watchdog;
        alerts = alerts == null ? new Alerts(null) : alerts;
    }

    /** @param interval how often the webhook watchdog resumes disabled subscriptions ({@code sync.watchdog.interval}, 5m) */
    public record Watchdog(Duration interval) {
        public Watchdog {
            interval = interval == null || interval.isZero() || interval.isNegative() ? Duration.ofMinutes(5) : interval;
        }
    }

    /** @param slackWebhookUrl a Slack incoming-webhook URL alerts are posted to ({@code SLACK_WEBHOOK_URL}); blank: none */
    public record Alerts(String slackWebhookUrl) {
        @Override
        public String toString() {
            return "Alerts[slackWebhookUrl=" + (slackWebhookUrl == null || slackWebhookUrl.isBlank() ? "unset" : "****") + "]";
        }
    }

    public record Database(String url, String user, String password, String dataDir, int poolSize) {
        public boolean isEmbedded() {
            return url == null || url.isBlank();
        }
    }

    /**
     * @param floodRequests webhook requests in flight (being handled, up to their answer) at which ingest
     *                      counts as flooded (until {@code IngestFlood.HOLD} after the last request that found
     *                      that many): the inbound workers then pause between batches (at most
     *                      {@code floodYield} each time) so acknowledgements get the CPU; 0 never pauses them
     */
    public record Ingest(int maxBodyBytes, Duration ackTimeout, int committers, int maxBatch, int floodRequests,
                         Duration floodYield) {
        public Ingest {
            if (floodRequests < 0) {
                throw new IllegalArgumentException("sync.ingest.flood-requests (SYNC_INGEST_FLOOD_REQUESTS) must be 0 "
                        + "or more, was " + floodRequests);
            }
        }
    }

    public record Workers(int inboundThreads, int batchSize, int maxAttempts) {
    }

    /**
     * @param threads dispatchers per target: while one waits for the target's answer, another sends what
     *                arrived meanwhile (a person's commands still go one at a time, held by their leases);
     *                0 for an instance that only takes webhooks and plans, leaving sending to other instances
     * @param backfillFill how long due backfill commands wait for a full batch (a job writes them a chunk at a
     *                time; a full Salesforce round spends its two look-ups on 2,000 people instead of 200)
     */
    public record Dispatch(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration lease,
                           Duration pollInterval, int threads, Duration backfillFill) {
        public Dispatch {
            if (threads < 0) {
                throw new IllegalArgumentException("sync.dispatch.threads (SYNC_DISPATCH_THREADS) must be 0 or more, was "
                        + threads);
            }
        }
    }

    public record RateLimit(int requests, Duration period) {
    }
}
