package dev.crmsync.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.InstantlyWebhooks;
import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.service.worker.IngestFlood;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * While webhooks flood in, acknowledgements come first: the inbound workers plan a batch, then step aside
 * until the flood is over (or their pause is up), and drain what waited as soon as it is.
 */
class IngestFloodIT {

    @Test
    void whileIngestIsFloodedWorkersPlanOneBatchEachAndCatchUpWhenTheFloodEnds() throws Exception {
        try (HubSpotSimulator hubspot = HubSpotSimulator.start()) {
            Map<String, Object> settings = RunningService.settings(TestDatabase.fresh(), hubspot);
            // One request in flight is a flood here, each batch is one event, and a pause outlasts the test.
            settings.put("sync.ingest.flood-requests", "1");
            settings.put("sync.ingest.flood-yield", "120s");
            settings.put("sync.workers.batch-size", "1");
            settings.put("sync.workers.inbound-threads", "2");
            try (RunningService service = RunningService.start(settings)) {
                IngestFlood flood = service.bean(IngestFlood.class);
                InstantlyWebhooks webhooks = new InstantlyWebhooks(service.uri("/webhooks/instantly"));

                // given a request that stays in flight, as when webhooks arrive faster than they are answered
                flood.requestStarted();
                // when six events are acknowledged meanwhile
                for (int i = 0; i < 6; i++) {
                    String event = InstantlyWebhooks.event("lead_interested", "flood" + i + "@acme.example",
                            Instant.now(), Map.of());
                    assertThat(webhooks.post(event).statusCode()).isEqualTo(200);
                }

                // then each worker planned one batch and stepped aside: four events wait, stored
                await().atMost(Duration.ofSeconds(30)).until(() -> queued(service) <= 4);
                Thread.sleep(1_500);
                assertThat(queued(service)).isEqualTo(4);
                assertThat(stored(service)).isEqualTo(6);

                // and once the flood is over, the workers plan what waited without waiting out their pause
                flood.requestEnded();
                await().atMost(Duration.ofSeconds(20)).until(() -> queued(service) == 0);
            }
        }
    }

    private static long queued(RunningService service) {
        return service.jdbc().queryForObject("select count(*) from inbound_queue", Long.class);
    }

    private static long stored(RunningService service) {
        return service.jdbc().queryForObject("select count(*) from inbound_event where email like 'flood%'", Long.class);
    }
}
