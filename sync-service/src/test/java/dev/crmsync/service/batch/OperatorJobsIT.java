package dev.crmsync.service.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.RunningService;
import java.net.http.HttpResponse;
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

/** Issue 7: dead-letter replay and reconcile as jobs, and refusals naming the bad request. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorJobsIT {
    private static BackfillRig rig;
    private static RunningService service;
    private static AdminJobs admin;
    private static List<String> emails;

    @BeforeAll
    static void start() throws Exception {
        rig = new BackfillRig();
        service = rig.startService();
        admin = new AdminJobs(service);
        // given, for the class: 30 leads whose HubSpot upserts were refused for good (dead letters)
        String campaign = rig.instantly.addCampaign("refused");
        emails = rig.interestedLeads(campaign, "refused", 30);
        rig.hubspot.failNext("contacts/batch/upsert", 1, 404);
        long id = admin.start("instantly-to-crm", Map.of("campaignIds", List.of(campaign)));
        admin.awaitEnd(id, Duration.ofMinutes(2));
        await().atMost(Duration.ofMinutes(1)).until(service::isDrained);
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @Test
    @Order(1)
    void aDeadLetterReplayDryRunCountsWhatItWouldReplayAndReplaysNothing() throws Exception {
        // given
        assertThat(openDeadLetters()).isEqualTo(30);

        // when
        JsonNode end = admin.awaitEnd(admin.start("dead-letter-replay", Map.of("dryRun", true, "target", "hubspot")),
                Duration.ofMinutes(1));

        // then
        assertThat(end.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(end.path("readCount").asLong()).isEqualTo(30);
        assertThat(end.path("total").asLong()).isEqualTo(30);
        assertThat(end.path("report").path("changes").get(0).path("changes").asLong()).isEqualTo(30);
        assertThat(openDeadLetters()).isEqualTo(30);
        assertThat(emails).allSatisfy(email -> assertThat(rig.hubspot.contact(email)).isEmpty());
    }

    @Test
    @Order(2)
    void aDeadLetterReplayFilteredByTargetAndKindSendsTheCommandsAgain() throws Exception {
        // when
        JsonNode end = admin.awaitEnd(admin.start("dead-letter-replay", Map.of("target", "hubspot",
                "errorKind", deadLetterKind(), "from", "2020-01-01")), Duration.ofMinutes(1));
        await().atMost(Duration.ofMinutes(1)).until(service::isDrained);

        // then
        assertThat(end.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(openDeadLetters()).isZero();
        assertThat(emails).allSatisfy(email -> assertThat(rig.hubspot.contact(email)).isPresent());
    }

    @Test
    @Order(3)
    void reconcileReportsDriftWithoutFixingAndFixesWhenAsked() throws Exception {
        // given: a lead whose status moved on in Instantly while no webhook told us
        String email = emails.get(0);
        String leadId = rig.instantly.lead(email).orElseThrow().id();
        Thread.sleep(5);
        rig.instantly.setLeadInterest(leadId, 2);

        // when
        JsonNode report = admin.awaitEnd(admin.start("reconcile", Map.of("emails", List.of(email))),
                Duration.ofMinutes(1)).path("report");

        // then
        assertThat(report.path("dryRun").asBoolean()).isTrue();
        assertThat(report.path("drift").valueStream().filter(d -> d.path("field").asString().equals("lifecyclestage")))
                .singleElement().satisfies(d -> {
                    assertThat(d.path("email").asString()).isEqualTo(email);
                    assertThat(d.path("target").asString()).isEqualTo("hubspot");
                    assertThat(d.path("value").asString()).isEqualTo("opportunity");
                });
        assertThat(rig.hubspot.contact(email).orElseThrow()).containsEntry("lifecyclestage", "salesqualifiedlead");

        // when fixing
        JsonNode fixed = admin.awaitEnd(admin.start("reconcile", Map.of("emails", List.of(email), "fix", true)),
                Duration.ofMinutes(1));
        await().atMost(Duration.ofMinutes(1)).until(service::isDrained);

        // then
        assertThat(fixed.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(rig.hubspot.contact(email).orElseThrow()).containsEntry("lifecyclestage", "opportunity");
    }

    @Test
    @Order(5)
    void anUnknownJobOrParameterIsRefusedByName() throws Exception {
        assertThat(admin.post("nope", Map.of()).statusCode()).isEqualTo(404);
        HttpResponse<String> bad = admin.post("instantly-to-crm", Map.of("campaign", "x"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("unknown parameter 'campaign'");
    }

    @Test
    @Order(6)
    void theAdminApiServesItsOpenApiDescription() throws Exception {
        HttpResponse<String> answer = admin.openApi();

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("openapi: 3.0.3").contains("/admin/jobs/{name}:")
                .contains("/admin/jobs/executions/{id}/restart:");
    }

    private static int openDeadLetters() {
        return service.jdbc().queryForObject("select count(*) from dead_letter where replayed_at is null",
                Integer.class);
    }

    private static String deadLetterKind() {
        return service.jdbc().queryForObject("select min(error_kind) from dead_letter", String.class);
    }
}
