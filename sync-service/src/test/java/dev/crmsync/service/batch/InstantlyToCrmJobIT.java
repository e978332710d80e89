package dev.crmsync.service.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.RunningService;
import dev.crmsync.service.cli.BackfillCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7: Instantly's leads backfilled into HubSpot through the same rules and outbox as live events.
 * One service for the class; each test backfills its own campaign. The dry run goes first, so
 * "nothing anywhere" means the whole database and both simulators.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstantlyToCrmJobIT {
    private static final int LEADS = 20_000;
    private static BackfillRig rig;
    private static RunningService service;
    private static AdminJobs admin;

    @BeforeAll
    static void start() {
        rig = new BackfillRig();
        service = rig.startService();
        admin = new AdminJobs(service);
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @Test
    @Order(1)
    void aDryRunReportsWhatWouldChangeAndChangesNothingAnywhere() throws Exception {
        // given
        String campaign = rig.instantly.addCampaign("dry");
        rig.interestedLeads(campaign, "dry", 250);
        int instantlyCallsBefore = rig.instantly.requestCount();

        // when
        long id = admin.start("instantly-to-crm", Map.of("dryRun", true, "campaignIds", List.of(campaign)));
        JsonNode end = admin.awaitEnd(id, Duration.ofMinutes(2));

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

    @Test
    @Order(2)
    void theCommandLineShowsProgressUntilTheJobEnds() throws Exception {
        // given
        String campaign = rig.instantly.addCampaign("cli");
        List<String> emails = rig.interestedLeads(campaign, "cli", 300);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        int exit = BackfillCommand.run(new String[]{"instantly-to-crm", "--campaign", campaign,
                "--service-url", service.uri("").toString(), "--token", dev.crmsync.service.RunningService.ADMIN_TOKEN,
                "--poll", "100ms"}, new PrintStream(out, true, StandardCharsets.UTF_8));

        // then
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(printed).contains("started instantly-to-crm as execution ")
                .contains("\rinstantly-to-crm ").contains("read 300 written 300 skipped 0")
                .containsPattern("execution \\d+ COMPLETED");
        await().atMost(Duration.ofMinutes(1)).until(service::isDrained);
        assertThat(emails).allSatisfy(email -> assertThat(rig.hubspot.contact(email)).isPresent());
    }

    @Test
    @Order(3)
    void twentyThousandLeadsAllReachHubSpotInBatchUpsertsWithoutA429() throws Exception {
        // given
        String campaign = rig.instantly.addCampaign("bulk");
        List<String> emails = rig.interestedLeads(campaign, "bulk", LEADS);
        int contactsBefore = rig.hubspot.contactCount();
        int callsBefore = rig.hubspot.requestCount();
        int upsertsBefore = upserts();
        long started = System.nanoTime();

        // when
        long id = admin.start("instantly-to-crm", Map.of("campaignIds", List.of(campaign)));
        JsonNode end = admin.awaitEnd(id, Duration.ofMinutes(4));
        double jobSeconds = (System.nanoTime() - started) / 1e9;
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(service::isDrained);
        double seconds = (System.nanoTime() - started) / 1e9;

        // then
        assertThat(end.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(end.path("readCount").asLong()).isEqualTo(LEADS);
        assertThat(end.path("writeCount").asLong()).isEqualTo(LEADS);
        assertThat(rig.hubspot.contactCount() - contactsBefore).isEqualTo(LEADS);
        assertThat(emails).allSatisfy(email -> {
            assertThat(rig.hubspot.contact(email).orElseThrow()).containsEntry("lifecyclestage", "salesqualifiedlead");
            assertThat(rig.hubspot.contactWrites(email).size()).as("writes of one contact").isEqualTo(1);
        });
        int calls = rig.hubspot.requestCount() - callsBefore;
        assertThat(upserts() - upsertsBefore).as("batch upserts of 100").isLessThanOrEqualTo(LEADS / 100 + 5);
        assertThat(rig.hubspot.rateLimitedCount()).as("HubSpot never had to refuse a call").isZero();
        System.out.printf("BENCHMARK backfill instantly-to-crm: %d leads, job %.1f s, all sent %.1f s, %d HubSpot "
                + "calls (%.4f per record), 429s: %d%n", LEADS, jobSeconds, seconds, calls, calls / (double) LEADS,
                rig.hubspot.rateLimitedCount());
    }

    private static int upserts() {
        return rig.hubspot.requestsByOperation().getOrDefault("contacts/batch/upsert", 0);
    }
}
