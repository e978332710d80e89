package dev.crmsync.service.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import dev.crmsync.testkit.instantly.InstantlySimulator;
import dev.crmsync.testkit.salesforce.SalesforceSimulator;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Both directions with Salesforce: Instantly's webhooks come in, the service writes Salesforce, and the poller
 * reads Salesforce's changes back (ours among them). A rep's change must reach Instantly once, and neither our
 * own writes nor Instantly's report of the change may start a loop.
 */
class SalesforceNoPingPongIT {
    private static final String ANN = "ann@acme.example";

    private HubSpotSimulator hubspot;
    private InstantlySimulator instantly;
    private SalesforceSimulator salesforce;
    private RunningService service;

    @BeforeEach
    void start() {
        hubspot = HubSpotSimulator.start();
        instantly = InstantlySimulator.start();
        salesforce = SalesforceSimulator.start();
        Map<String, Object> settings = SalesforceSettings.with(RunningService.settings(TestDatabase.fresh(), hubspot),
                salesforce);
        settings.put("sync.adapters.instantly.base-url", instantly.baseUrl());
        settings.put("sync.adapters.instantly.api-key", instantly.apiKey());
        settings.put("sync.poll.intervals.salesforce", "200ms");
        service = RunningService.start(settings);
        instantly.addWebhook(service.uri("/webhooks/instantly").toString(), "all_events",
                Map.of("X-Webhook-Secret", RunningService.WEBHOOK_SECRET));
        instantly.addLead(ANN, instantly.addCampaign("Q4 outbound"));
    }

    @AfterEach
    void stop() {
        service.close();
        salesforce.close();
        instantly.close();
        hubspot.close();
    }

    @Test
    void aRepsLeadStatusChangeReachesInstantlyOnceAndNothingLoops() throws Exception {
        // given Instantly's "interested", written to Salesforce, and our write polled back
        instantly.sendEvent("lead_interested", ANN, Map.of()).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> salesforce.leadByEmail(ANN).isPresent());
        settleAfterPolls();
        assertThat(salesforce.leadByEmail(ANN).orElseThrow().get("Status")).isEqualTo("Working - Contacted");
        assertThat(polledEvents()).as("our write was polled back").isPositive();
        assertThat(instantly.interestUpdates(ANN)).as("our own Salesforce write did not flow back").isZero();
        String leadId = salesforce.leadByEmail(ANN).orElseThrow().id();

        // when a rep sets the meeting in Salesforce
        salesforce.repEdit(leadId, Map.of("Status", "Working - Meeting Set"));
        awaitOrExplain(() -> instantly.interestUpdates(ANN) > 0, "the rep's status reached Instantly");
        settleAfterPolls();

        // then Instantly hears "meeting booked" exactly once, however often the overlap re-reads the change
        assertThat(instantly.interestUpdates(ANN)).isEqualTo(1);
        int salesforceWrites = salesforceWrites();

        // and when Instantly reports that status back, Salesforce is not written again
        instantly.sendEvent("lead_meeting_booked", ANN, Map.of()).get();
        settleAfterPolls();
        assertThat(salesforceWrites()).as("no Salesforce write caused by the echo").isEqualTo(salesforceWrites);
        assertThat(instantly.interestUpdates(ANN)).isEqualTo(1);
        assertThat(salesforce.record(leadId).orElseThrow().get("Status")).isEqualTo("Working - Meeting Set");
        assertThat(salesforce.record(leadId).orElseThrow().lastModifiedById()).isEqualTo(SalesforceSimulator.REP_USER_ID);
    }

    /** Waits for two more full polls (each reads getDeleted once per object) and a drained service. */
    private void settleAfterPolls() {
        for (int round = 0; round < 2; round++) {
            int before = salesforce.callCounts().getOrDefault("getDeleted", 0);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> salesforce.callCounts().getOrDefault("getDeleted", 0) >= before + 2);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(service::isDrained);
        }
    }

    /** Waits up to 30 s; on a timeout, the failure lists what the service stored, decided and sent meanwhile. */
    private void awaitOrExplain(Callable<Boolean> condition, String what) {
        try {
            await().atMost(Duration.ofSeconds(30)).until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("expected " + what + " within 30 s; the service's rows:\n"
                    + rows("select e.id, e.source, e.event_type, e.occurred_at, e.received_at, q.attempts as queued_attempts, "
                    + "q.last_error, d.target, d.subject, d.outcome, d.reason from inbound_event e "
                    + "left join inbound_queue q on q.event_id = e.id left join decision d on d.event_id = e.id order by e.id")
                    + rows("select id, inbound_event_id, target, kind, status, attempts, next_attempt_at, last_error "
                    + "from outbound_command order by id")
                    + "Salesforce calls: " + salesforce.callCounts(), e);
        }
    }

    private String rows(String sql) {
        StringBuilder text = new StringBuilder();
        service.jdbc().queryForList(sql).forEach(row -> text.append("  ").append(row).append('\n'));
        return text.toString();
    }

    private int salesforceWrites() {
        Map<String, Integer> calls = salesforce.callCounts();
        return calls.getOrDefault("create", 0) + calls.getOrDefault("update", 0) + calls.getOrDefault("upsert", 0);
    }

    private int polledEvents() {
        return service.jdbc().queryForObject("select count(*) from inbound_event where source = 'salesforce'",
                Integer.class);
    }
}
