package dev.crmsync.service.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.RunningService;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 7: two service instances on one database. A job runs once however many instances are asked; a
 * stopped backfill, or one whose instance shut down mid-run, is restarted on the other instance from its
 * last committed chunk and sends no lead twice. Each test backfills its own campaign.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobAcrossInstancesIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static BackfillRig rig;
    private static RunningService first;
    private static RunningService second;
    private static AdminJobs onFirst;
    private static AdminJobs onSecond;

    @BeforeAll
    static void start() {
        rig = new BackfillRig();
        first = rig.startService();
        second = rig.startService();
        onFirst = new AdminJobs(first);
        onSecond = new AdminJobs(second);
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @Test
    @Order(1)
    void aJobStartedOnTwoInstancesAtOnceRunsOnce() throws Exception {
        // given
        String campaign = rig.instantly.addCampaign("once");
        rig.interestedLeads(campaign, "once", 500);
        Map<String, Object> parameters = Map.of("campaignIds", List.of(campaign));

        // when
        CompletableFuture<HttpResponse<String>> a = CompletableFuture.supplyAsync(() -> post(onFirst, parameters));
        CompletableFuture<HttpResponse<String>> b = CompletableFuture.supplyAsync(() -> post(onSecond, parameters));
        List<HttpResponse<String>> answers = List.of(a.join(), b.join());

        // then
        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(202, 409);
        List<Long> ids = answers.stream().map(r -> JSON.readTree(r.body()).path("executionId").asLong()).toList();
        assertThat(ids.get(0)).as("the refused one names the running execution").isEqualTo(ids.get(1));
        assertThat(onFirst.awaitEnd(ids.get(0), Duration.ofMinutes(2)).path("readCount").asLong()).isEqualTo(500);
        assertThat(first.jdbc().queryForObject("select count(*) from batch_job_execution", Integer.class)).isEqualTo(1);
    }

    @Test
    @Order(2)
    void aBackfillStoppedHalfwayAndRestartedOnAnotherInstanceSendsNoLeadTwice() throws Exception {
        // given
        String campaign = rig.instantly.addCampaign("stopped");
        List<String> emails = rig.interestedLeads(campaign, "stopped", 2_000);
        rig.instantly.setLatency(Duration.ofMillis(150));
        long id = onFirst.start("instantly-to-crm", Map.of("campaignIds", List.of(campaign)));
        await().atMost(Duration.ofMinutes(2)).until(() -> onFirst.execution(id).path("readCount").asLong() >= 400);

        // when
        assertThat(onSecond.stop(id).statusCode()).isEqualTo(202);
        JsonNode stopped = onFirst.awaitEnd(id, Duration.ofMinutes(1));
        long restarted = restart(id);
        JsonNode end = onSecond.awaitEnd(restarted, Duration.ofMinutes(3));

        // then
        assertThat(stopped.path("status").asString()).isEqualTo("STOPPED");
        assertThat(stopped.path("readCount").asLong()).isBetween(400L, 1_999L);
        assertThat(end.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(stopped.path("readCount").asLong() + end.path("readCount").asLong()).as("no lead read twice")
                .isEqualTo(2_000);
        assertEveryLeadWrittenOnce(emails);
    }

    @Test
    @Order(3)
    void aBackfillWhoseInstanceShutDownMidRunIsRestartedOnAnotherAndSendsNoLeadTwice() throws Exception {
        // given
        String campaign = rig.instantly.addCampaign("orphaned");
        List<String> emails = rig.interestedLeads(campaign, "orphaned", 2_000);
        rig.instantly.setLatency(Duration.ofMillis(150));
        long id = onFirst.start("instantly-to-crm", Map.of("campaignIds", List.of(campaign)));
        await().atMost(Duration.ofMinutes(2)).until(() -> onFirst.execution(id).path("readCount").asLong() >= 300);

        // when: the first instance shuts down mid-run
        first.close();
        assertThat(onSecond.execution(id).path("status").asString()).isEqualTo("STOPPED");
        long restarted = restart(id);
        JsonNode end = onSecond.awaitEnd(restarted, Duration.ofMinutes(3));

        // then
        assertThat(end.path("status").asString()).isEqualTo("COMPLETED");
        assertEveryLeadWrittenOnce(emails);
    }

    private static long restart(long id) throws Exception {
        HttpResponse<String> answer = onSecond.restart(id);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return JSON.readTree(answer.body()).path("executionId").asLong();
    }

    private static void assertEveryLeadWrittenOnce(List<String> emails) {
        rig.instantly.setLatency(Duration.ZERO);
        await().atMost(Duration.ofMinutes(2)).until(second::isDrained);
        assertThat(emails).allSatisfy(email -> {
            assertThat(rig.hubspot.contact(email)).isPresent();
            assertThat(rig.hubspot.contactWrites(email).size()).as("HubSpot writes of " + email).isEqualTo(1);
        });
    }

    private static HttpResponse<String> post(AdminJobs admin, Map<String, Object> parameters) {
        try {
            return admin.post("instantly-to-crm", parameters);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
