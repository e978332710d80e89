package dev.crmsync.service.wiring;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The service's own settings ({@code sync.*} in application.yaml, fed by the documented environment variables). */
@ConfigurationProperties(prefix = "sync")
public record SyncProperties(Database database, String mappings, String adminToken, String publicUrl, Ingest ingest,
                             Workers workers, Dispatch dispatch, Map<String, RateLimit> rateLimits) {

    public SyncProperties {
        rateLimits = rateLimits == null ? Map.of() : Map.copyOf(rateLimits);
    }

    public record Database(String url, String user, String password, String dataDir, int poolSize) {
        public boolean isEmbedded() {
            return url == null || url.isBlank();
        }
    }

    public record Ingest(int maxBodyBytes, Duration ackTimeout, int committers, int maxBatch) {
    }

    public record Workers(int inboundThreads, int batchSize, int maxAttempts) {
    }

    public record Dispatch(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration lease,
                           Duration pollInterval) {
    }

    public record RateLimit(int requests, Duration period) {
    }
}
