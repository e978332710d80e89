package dev.crmsync.service.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.InstantlyWebhooks;
import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two instances, and a HubSpot so slow that one dispatch round (a batch's upsert, note search and
 * note create, then the next batch) takes several times the command lease. The instance sending keeps
 * its leases alive, so the other never claims the same commands: one note per reply.
 */
class SlowTargetLeaseIT {

    @Test
    void aSlowTargetNeverLetsALeaseRunOutUnderAWriteSoNoNoteIsWrittenTwice() throws Exception {
        TestDatabase.Db db = TestDatabase.fresh();
        try (HubSpotSimulator hubspot = HubSpotSimulator.start()) {
            hubspot.setRateLimit(100_000);
            List<RunningService> instances = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    Map<String, Object> settings = RunningService.settings(db, hubspot);
                    settings.put("sync.dispatch.lease", "1s");
                    instances.add(RunningService.start(settings));
                }
                hubspot.setLatency(Duration.ofMillis(600));
                int replies = 30;
                for (int i = 0; i < replies; i++) {
                    InstantlyWebhooks webhooks = new InstantlyWebhooks(instances.get(i % 2).uri("/webhooks/instantly"));
                    assertThat(webhooks.post(InstantlyWebhooks.event("reply_received", "slow" + i + "@acme.example",
                            Instant.now(), Map.of("email_id", "slow-" + i, "reply_text", "Slow " + i))).statusCode())
                            .isEqualTo(200);
                }

                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                        .until(() -> instances.get(0).isDrained());

                List<String> doubled = new ArrayList<>();
                for (int i = 0; i < replies; i++) {
                    int notes = hubspot.notesFor("slow" + i + "@acme.example").size();
                    if (notes != 1) {
                        doubled.add("slow" + i + ": " + notes + " notes");
                    }
                }
                System.out.printf("[measure] slow target (600 ms a call, 1 s lease), 2 instances: %d replies, "
                        + "%d notes, HubSpot calls %s%n", replies, hubspot.noteCount(), hubspot.requestsByOperation());
                assertThat(doubled).isEmpty();
                assertThat(hubspot.noteCount()).isEqualTo(replies);
            } finally {
                instances.forEach(RunningService::close);
            }
        }
    }
}
