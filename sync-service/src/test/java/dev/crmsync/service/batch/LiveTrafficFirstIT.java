package dev.crmsync.service.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.InstantlyWebhooks;
import dev.crmsync.service.RunningService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 7: a backfill does not starve live events; the dispatcher sends live commands first. */
class LiveTrafficFirstIT {

    @Test
    void aLiveEventOvertakesABackfillBacklog() throws Exception {
        try (BackfillRig rig = new BackfillRig()) {
            // given: a budget of one HubSpot call per second, and a backfill of 3,000 leads (30 calls)
            Map<String, Object> settings = rig.settings();
            settings.put("sync.rate-limits.hubspot.requests", "1");
            settings.put("sync.rate-limits.hubspot.period", "1s");
            RunningService service = rig.startService(settings);
            AdminJobs admin = new AdminJobs(service);
            String campaign = rig.instantly.addCampaign("backlog");
            rig.interestedLeads(campaign, "backlog", 3_000);
            long id = admin.start("instantly-to-crm", Map.of("campaignIds", List.of(campaign)));
            await().atMost(Duration.ofMinutes(2)).until(() -> pendingBackfill(service) >= 1_000);

            // when
            String live = "live@leads.example";
            int status = new InstantlyWebhooks(service.uri("/webhooks/instantly")).post(InstantlyWebhooks.event(
                    "lead_interested", live, Instant.now(), Map.of("interest_value", 1))).statusCode();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> rig.hubspot.contact(live).isPresent());

            // then
            assertThat(status).isEqualTo(200);
            assertThat(pendingBackfill(service)).as("backfill commands still waiting when the live one landed")
                    .isGreaterThan(500);
            admin.stop(id);
        }
    }

    private static int pendingBackfill(RunningService service) {
        return service.jdbc().queryForObject("select count(*) from outbound_command where status = 'pending' "
                + "and priority = 1", Integer.class);
    }
}
