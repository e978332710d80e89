package dev.crmsync.service.spine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.InstantlyWebhooks;
import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dispatcher keeps to the configured budget: a burst becomes a few batches, and HubSpot never says 429. */
class HubSpotRateBudgetIT {

    @Test
    void burstIsSentWithinTheConfiguredBudgetAsBatchesWithoutA429() throws Exception {
        try (HubSpotSimulator hubspot = HubSpotSimulator.start()) {
            hubspot.setRateLimit(25);
            Map<String, Object> settings = RunningService.settings(TestDatabase.fresh(), hubspot);
            settings.put("sync.rate-limits.hubspot.requests", "2");
            settings.put("sync.rate-limits.hubspot.period", "1s");
            try (RunningService service = RunningService.start(settings)) {
                InstantlyWebhooks webhooks = new InstantlyWebhooks(service.uri("/webhooks/instantly"));
                long started = System.nanoTime();
                for (int i = 0; i < 60; i++) {
                    String body = InstantlyWebhooks.event("reply_received", "budget" + i + "@acme.example",
                            Instant.parse("2026-11-03T10:00:00Z").plusSeconds(i),
                            Map.of("email_id", "budget-" + i, "reply_text", "ok " + i));
                    assertThat(webhooks.post(body).statusCode()).isEqualTo(200);
                    Thread.sleep(20);
                }
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(service::isDrained);
                double seconds = (System.nanoTime() - started) / 1e9;

                assertThat(hubspot.noteCount()).isEqualTo(60);
                assertThat(hubspot.rateLimitedCount()).as("HubSpot never had to refuse a call").isZero();
                assertThat(hubspot.requestCount()).as("2 per second, plus one refill at the start")
                        .isLessThanOrEqualTo((int) Math.ceil(seconds) * 2 + 2);
                assertThat(hubspot.requestCount()).as("the backlog was batched").isLessThan(60);
            }
        }
    }
}
