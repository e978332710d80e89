package dev.crmsync.service.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import dev.crmsync.testkit.instantly.InstantlySimulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Both directions for real: Instantly and HubSpot simulators send signed webhooks to the service and
 * receive its writes; the engine must carry each real change across once and never echo its own writes.
 */
class BidirectionalNoPingPongIT {
    private static final String HUBSPOT_CLIENT_SECRET = "hs-app-client-secret";
    private static final long HUBSPOT_APP_ID = 777_001L;
    private static final String ANN = "ann@acme.example";

    private HubSpotSimulator hubspot;
    private InstantlySimulator instantly;
    private RunningService service;

    @BeforeEach
    void start() {
        hubspot = HubSpotSimulator.start();
        instantly = InstantlySimulator.start();
        Map<String, Object> settings = RunningService.settings(TestDatabase.fresh(), hubspot);
        settings.put("sync.adapters.hubspot.client-secret", HUBSPOT_CLIENT_SECRET);
        settings.put("sync.adapters.hubspot.app-id", Long.toString(HUBSPOT_APP_ID));
        settings.put("sync.adapters.instantly.base-url", instantly.baseUrl());
        settings.put("sync.adapters.instantly.api-key", instantly.apiKey());
        service = RunningService.start(settings);
        hubspot.configureWebhooks(service.uri("/webhooks/hubspot"), HUBSPOT_CLIENT_SECRET, HUBSPOT_APP_ID);
        instantly.addWebhook(service.uri("/webhooks/instantly").toString(), "all_events",
                Map.of("X-Webhook-Secret", RunningService.WEBHOOK_SECRET));
        instantly.addLead(ANN, instantly.addCampaign("Q4 outbound"));
    }

    @AfterEach
    void stop() {
        service.close();
        instantly.close();
        hubspot.close();
    }

    private void settle() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            hubspot.awaitWebhooks(Duration.ofSeconds(5));
            return service.isDrained();
        });
    }

    private int hubspotWrites() {
        return hubspot.requestsByOperation().getOrDefault("contacts/batch/upsert", 0);
    }

    @Test
    void repMovingAContactToOpportunityReachesInstantlyOnceAndNothingComesBack() throws Exception {
        // given a reply in Instantly, synced to HubSpot (whose own webhooks for our write come back to us)
        instantly.sendEvent("reply_received", ANN, Map.of("email_id", "r-1", "reply_text", "Let's talk")).get();
        settle();
        assertThat(hubspot.contact(ANN).orElseThrow()).containsEntry("lifecyclestage", "lead");
        assertThat(instantly.interestUpdates(ANN)).as("our own HubSpot write did not flow back").isZero();
        int hubspotWritesBefore = hubspotWrites();

        // when a rep moves the contact to Opportunity in HubSpot
        hubspot.repEdit(ANN, Map.of("lifecyclestage", "opportunity"));
        settle();

        // then Instantly hears "meeting booked" exactly once, and the deal in progress ends the cold sequence
        assertThat(instantly.interestUpdates(ANN)).isEqualTo(1);
        assertThat(instantly.leads(ANN)).as("no more cold email during a live deal").isEmpty();

        // and when Instantly reports that status change back, HubSpot is not written again
        instantly.sendEvent("lead_meeting_booked", ANN, Map.of()).get();
        settle();
        assertThat(hubspotWrites()).as("no HubSpot write caused by the echo").isEqualTo(hubspotWritesBefore);
        assertThat(instantly.interestUpdates(ANN)).isEqualTo(1);
        int crossSystemWrites = instantly.interestUpdates(ANN) + hubspotWrites() - hubspotWritesBefore;
        assertThat(crossSystemWrites).as("one real edit, one write").isEqualTo(1);
    }

    @Test
    void aWonDealInTheCrmStopsTheLeadsInstantlySequence() throws Exception {
        instantly.sendEvent("reply_received", ANN, Map.of("email_id", "r-2", "reply_text", "Send the contract")).get();
        settle();
        assertThat(instantly.leads(ANN)).as("in its campaign before the deal is won").isNotEmpty();

        hubspot.repEdit(ANN, Map.of("lifecyclestage", "customer"));
        settle();

        assertThat(instantly.interestUpdates(ANN)).as("marked won (4) once, before the lead left its campaign")
                .isEqualTo(1);
        assertThat(instantly.leads(ANN)).as("no longer in an active campaign: no more cold email").isEmpty();
    }
}
