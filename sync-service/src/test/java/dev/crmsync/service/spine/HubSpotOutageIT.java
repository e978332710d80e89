package dev.crmsync.service.spine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.InstantlyWebhooks;
import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HubSpot answers 503 and 429 for a while: everything converges, nothing is written twice, bad inputs are dead-lettered. */
class HubSpotOutageIT {

    @Test
    void convergesThroughFiveHundredThreesAndRateLimitsAndDeadLettersOnlyPermanentErrors() throws Exception {
        try (HubSpotSimulator hubspot = HubSpotSimulator.start()) {
            Map<String, Object> settings = RunningService.settings(TestDatabase.fresh(), hubspot);
            settings.put("sync.mappings", Path.of(getClass().getResource("HubSpotOutageIT.yaml").toURI()).toString());
            try (RunningService service = RunningService.start(settings)) {
                InstantlyWebhooks webhooks = new InstantlyWebhooks(service.uri("/webhooks/instantly"));
                Instant t0 = Instant.parse("2026-11-02T10:00:00Z");

                // given HubSpot failing with 503 for its next calls
                hubspot.failNext(6, 503);
                for (int i = 0; i < 40; i++) {
                    post(webhooks, "reply_received", i, t0.plusSeconds(i), Map.of("email_id", "outage-" + i,
                            "reply_text", "Interested, call me " + i));
                }
                // and then rate-limiting for its next calls
                await().atMost(Duration.ofSeconds(30)).until(() -> hubspot.requestCount() > 0);
                hubspot.failNext(2, 429);
                for (int i = 0; i < 40; i++) {
                    post(webhooks, "lead_interested", i, t0.plusSeconds(100 + i), Map.of());
                }
                for (int i = 0; i < 5; i++) {
                    post(webhooks, "lead_wrong_person", 100 + i, t0.plusSeconds(200 + i), Map.of());
                }

                // when the engine has worked through it
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(service::isDrained);

                // then each reply is one note, each lead is a sales-qualified lead, and only the invalid writes are dead
                for (int i = 0; i < 40; i++) {
                    String email = email(i);
                    assertThat(hubspot.notesFor(email)).as("notes of %s", email).hasSize(1);
                    assertThat(hubspot.contact(email).orElseThrow()).containsEntry("lifecyclestage", "salesqualifiedlead");
                }
                assertThat(hubspot.noteCount()).isEqualTo(40);
                List<Map<String, Object>> dead = service.jdbc().queryForList(
                        "select record_key, error_kind, reason from dead_letter order by record_key");
                assertThat(dead).hasSize(5);
                assertThat(dead).allSatisfy(row -> {
                    assertThat(row.get("error_kind")).isEqualTo("permanent");
                    assertThat((String) row.get("reason")).contains("NOT_A_REAL_STATUS");
                });
                Long retried = service.jdbc().queryForObject(
                        "select count(*) from command_attempt where outcome in ('retry', 'rate-limited')", Long.class);
                assertThat(retried).as("the failures were really met and retried").isPositive();

                // and once the CRM accepts the value, replaying the dead letters delivers them
                hubspot.defineProperty("contacts", "hs_lead_status", List.of("NEW", "OPEN", "IN_PROGRESS", "OPEN_DEAL",
                        "UNQUALIFIED", "ATTEMPTED_TO_CONTACT", "CONNECTED", "BAD_TIMING", "NOT_A_REAL_STATUS"));
                java.net.http.HttpResponse<String> replay = webhooks.send(java.net.http.HttpRequest.newBuilder(
                                service.uri("/admin/dead-letters/replay?target=hubspot&kind=permanent"))
                        .header("Authorization", "Bearer " + RunningService.ADMIN_TOKEN)
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
                assertThat(replay.body()).contains("\"replayed\":5");
                await().atMost(Duration.ofSeconds(30)).until(service::isDrained);
                for (int i = 100; i < 105; i++) {
                    assertThat(hubspot.contact(email(i)).orElseThrow()).containsEntry("hs_lead_status", "NOT_A_REAL_STATUS");
                }
                assertThat(service.jdbc().queryForObject("select count(*) from dead_letter where replayed_at is null",
                        Long.class)).isZero();
            }
        }
    }

    private static String email(int i) {
        return "outage" + i + "@acme.example";
    }

    private static void post(InstantlyWebhooks webhooks, String type, int lead, Instant at, Map<String, Object> extra)
            throws Exception {
        assertThat(webhooks.post(InstantlyWebhooks.event(type, email(lead), at, extra)).statusCode()).isEqualTo(200);
    }
}
