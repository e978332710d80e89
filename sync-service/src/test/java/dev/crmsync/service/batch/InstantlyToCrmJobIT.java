package dev.crmsync.service.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.RunningService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 7: Instantly's leads backfilled into HubSpot through the same rules and outbox as live events. */
class InstantlyToCrmJobIT {
    private static final int LEADS = 20_000;

    @Test
    void twentyThousandLeadsAllReachHubSpotInBatchUpsertsWithoutA429() throws Exception {
        try (BackfillRig rig = new BackfillRig()) {
            // given
            List<String> emails = rig.interestedLeads("bulk", LEADS);
            RunningService service = rig.startService();
            AdminJobs admin = new AdminJobs(service);
            long started = System.nanoTime();

            // when
            long id = admin.start("instantly-to-crm", Map.of("campaignIds", List.of(rig.campaignId)));
            JsonNode end = admin.awaitEnd(id, Duration.ofMinutes(3));
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(service::isDrained);
            double seconds = (System.nanoTime() - started) / 1e9;

            // then
            assertThat(end.path("status").asString()).isEqualTo("COMPLETED");
            assertThat(end.path("readCount").asLong()).isEqualTo(LEADS);
            assertThat(end.path("writeCount").asLong()).isEqualTo(LEADS);
            assertThat(rig.hubspot.contactCount()).isEqualTo(LEADS);
            assertThat(emails).allSatisfy(email -> {
                assertThat(rig.hubspot.contact(email).orElseThrow()).containsEntry("lifecyclestage",
                        "salesqualifiedlead");
                assertThat(rig.hubspot.contactWrites(email)).as("writes of one contact").isEqualTo(1);
            });
            int upserts = rig.hubspot.requestsByOperation().getOrDefault("contacts/batch/upsert", 0);
            assertThat(upserts).as("batch upserts of 100").isLessThanOrEqualTo(LEADS / 100 + 5);
            assertThat(rig.hubspot.rateLimitedCount()).as("HubSpot never had to refuse a call").isZero();
            System.out.printf("BENCHMARK backfill instantly-to-crm: %d leads in %.1f s, %d HubSpot calls "
                            + "(%.4f per record), %d Instantly list calls, 429s: %d%n", LEADS, seconds,
                    rig.hubspot.requestCount(), rig.hubspot.requestCount() / (double) LEADS,
                    rig.instantly.requestsByOperation().getOrDefault("leads/list", 0), rig.hubspot.rateLimitedCount());
        }
    }

    @Test
    void aDryRunReportsWhatWouldChangeAndChangesNothingAnywhere() throws Exception {
        try (BackfillRig rig = new BackfillRig()) {
            // given
            rig.interestedLeads("dry", 250);
            RunningService service = rig.startService();
            AdminJobs admin = new AdminJobs(service);
            int instantlyCallsBefore = rig.instantly.requestCount();

            // when
            long id = admin.start("instantly-to-crm", Map.of("dryRun", true));
            JsonNode end = admin.awaitEnd(id, Duration.ofMinutes(1));

            // then
            assertThat(end.path("status").asString()).isEqualTo("COMPLETED");
            assertThat(end.path("readCount").asLong()).isEqualTo(250);
            JsonNode report = end.path("report");
            assertThat(report.path("dryRun").asBoolean()).isTrue();
            assertThat(report.path("changes").valueStream()
                    .filter(c -> c.path("target").asString().equals("hubspot")
                            && c.path("field").asString().equals("lifecyclestage")))
                    .singleElement().satisfies(c -> {
                        assertThat(c.path("changes").asLong()).isEqualTo(250);
                        assertThat(c.path("samples").get(0).asString()).matches("d\\*\\*\\*@leads\\.example");
                    });
            assertThat(rig.hubspot.requestCount()).as("HubSpot calls").isZero();
            assertThat(rig.instantly.requestsByOperation().keySet()).as("Instantly was only read")
                    .allMatch(op -> op.equals("leads/list") || op.startsWith("webhooks"));
            assertThat(rig.instantly.requestCount() - instantlyCallsBefore).isPositive();
            for (String table : List.of("outbound_command", "field_state", "inbound_event", "decision")) {
                assertThat(service.jdbc().queryForObject("select count(*) from " + table, Integer.class))
                        .as(table).isZero();
            }
        }
    }
}
