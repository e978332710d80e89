package dev.crmsync.service.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.service.InstantlyWebhooks;
import dev.crmsync.service.RunningService;
import dev.crmsync.service.instantly.InstantlyAndHubSpot;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A booked meeting in Instantly becomes one HubSpot task for the rep, associated with the contact, however
 * often its write is retried: the task carries its idempotency key, and a retry searches before it creates.
 */
class HubSpotMeetingTaskIT {
    private static final String ANN = "ann@acme.example";
    /** Short enough that a delayed answer counts as lost, long enough for a loaded machine's ordinary calls. */
    private static final Map<String, Object> SHORT_TIMEOUT = Map.of("sync.adapters.hubspot.timeout-ms", "2500");

    @Test
    void aBookedMeetingCreatesOneTaskOnTheContact() throws Exception {
        try (InstantlyAndHubSpot sync = new InstantlyAndHubSpot()) {
            sync.subscribe(sync.webhookEndpoint());
            sync.addLead(ANN);

            sync.instantly.sendEvent("lead_meeting_booked", ANN, Map.of()).get();
            sync.settle();

            List<Map<String, String>> tasks = sync.hubspot.tasksFor(ANN);
            assertThat(tasks).singleElement().satisfies(task -> {
                assertThat(task.get("hs_task_subject")).startsWith("Meeting booked");
                assertThat(task.get("hs_task_status")).isEqualTo("NOT_STARTED");
                assertThat(task.get("sync_activity_key")).startsWith("instantly-meeting:");
            });
            assertThat(sync.hubspot.contact(ANN).orElseThrow()).containsEntry("lifecyclestage", "opportunity");
        }
    }

    @Test
    void aTaskWhoseFirstAnswerIsLostIsWrittenOnceWhenRetried() throws Exception {
        try (InstantlyAndHubSpot sync = new InstantlyAndHubSpot(SHORT_TIMEOUT)) {
            sync.subscribe(sync.webhookEndpoint());
            sync.addLead(ANN);
            // HubSpot creates the task, but its answer comes after the adapter gave up waiting
            sync.hubspot.delayNextResponse("tasks/batch/create", Duration.ofSeconds(6));

            sync.instantly.sendEvent("lead_meeting_booked", ANN, Map.of()).get();
            sync.settle();

            assertThat(sync.hubspot.tasksFor(ANN)).as("the retry found the task instead of writing another")
                    .hasSize(1);
            assertThat(sync.hubspot.requestsByOperation()).containsEntry("tasks/batch/create", 1)
                    .containsKey("tasks/search");
        }
    }

    @Test
    void aDeadLetteredTaskReplayedAfterItsCreateLandedIsNotWrittenTwice() throws Exception {
        Map<String, Object> settings = new java.util.HashMap<>(SHORT_TIMEOUT);
        settings.put("sync.dispatch.max-attempts", "2");
        try (InstantlyAndHubSpot sync = new InstantlyAndHubSpot(settings)) {
            sync.subscribe(sync.webhookEndpoint());
            sync.addLead(ANN);
            // the create lands with its answer lost, then the retry's search fails: out of attempts
            sync.hubspot.delayNextResponse("tasks/batch/create", Duration.ofSeconds(6));
            sync.hubspot.failNext("tasks/search", 1, 503);

            sync.instantly.sendEvent("lead_meeting_booked", ANN, Map.of()).get();
            sync.settle();
            assertThat(sync.service.jdbc().queryForObject("select count(*) from dead_letter where kind = 'activity'",
                    Integer.class)).as("the task command was dead-lettered").isEqualTo(1);

            HttpResponse<String> replay = new InstantlyWebhooks(sync.webhookEndpoint()).send(HttpRequest.newBuilder(
                            sync.service.uri("/admin/dead-letters/replay?target=hubspot"))
                    .header("Authorization", "Bearer " + RunningService.ADMIN_TOKEN)
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(replay.body()).contains("\"replayed\":1");
            sync.settle();

            assertThat(sync.hubspot.tasksFor(ANN)).as("one task, after a lost answer, a dead letter and a replay")
                    .hasSize(1);
            assertThat(sync.service.jdbc().queryForObject("select count(*) from outbound_command "
                    + "where kind = 'activity' and status = 'done'", Integer.class)).isEqualTo(1);
        }
    }
}
