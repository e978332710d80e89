package dev.crmsync.service.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.InstantlyWebhooks;
import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.service.worker.WebhookWatchdog;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import dev.crmsync.testkit.instantly.InstantlySimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The watchdog resumes a subscription Instantly disabled, records the gap and fills it from the lead list. */
class WebhookWatchdogIT {
    private static final String ANN = "ann@example.com";
    private HubSpotSimulator hubspot;
    private InstantlySimulator instantly;
    private RunningService service;

    @BeforeEach
    void start() {
        hubspot = HubSpotSimulator.start();
        instantly = InstantlySimulator.start();
        Map<String, Object> settings = RunningService.settings(TestDatabase.fresh(), hubspot);
        settings.put("sync.adapters.instantly.base-url", instantly.baseUrl());
        settings.put("sync.adapters.instantly.api-key", instantly.apiKey());
        // Runs are triggered by hand below, so no scheduled run can fall between "pause" and "change".
        settings.put("sync.watchdog.interval", "1h");
        service = RunningService.start(settings);
    }

    @AfterEach
    void stop() {
        service.close();
        instantly.close();
        hubspot.close();
    }

    @Test
    void aPausedSubscriptionIsResumedAndItsGapRecorded() throws Exception {
        // given
        String active = instantly.addWebhook(service.uri("/webhooks/instantly").toString(), "reply_received",
                Map.of("X-Webhook-Secret", RunningService.WEBHOOK_SECRET));
        String paused = instantly.addWebhook(service.uri("/webhooks/instantly").toString(), "all_events",
                Map.of("X-Webhook-Secret", RunningService.WEBHOOK_SECRET));
        instantly.pauseWebhook(paused);
        assertThat(instantly.webhook(paused).orElseThrow().isActive()).isFalse();

        // when the watchdog runs
        service.bean(WebhookWatchdog.class).runOnce();
        await().atMost(Duration.ofSeconds(20)).until(() -> instantly.webhook(paused).orElseThrow().isActive()
                && gaps().size() == 1);

        // then
        Map<String, Object> gap = gaps().get(0);
        assertThat(gap).containsEntry("system", "instantly").containsEntry("subscription_id", paused);
        assertThat(gap.get("reconciled_at")).isNotNull();
        assertThat(((Timestamp) gap.get("paused_since")).toInstant())
                .isBeforeOrEqualTo(((Timestamp) gap.get("resumed_at")).toInstant());
        assertThat(instantly.webhook(active).orElseThrow().isActive()).isTrue();

        // and later runs find nothing more to resume
        Thread.sleep(2_500);
        assertThat(gaps()).hasSize(1);
        String scrape = new InstantlyWebhooks(service.uri("/webhooks/instantly"))
                .send(HttpRequest.newBuilder(service.uri("/actuator/prometheus")).GET()).body();
        assertThat(scrape).containsPattern("sync_webhooks_resumed_total\\{[^}]*system=\"instantly\"[^}]*\\} 1");
    }

    @Test
    void aLeadWhoseInterestChangedWhileTheWebhookWasPausedReachesHubSpotAfterTheWatchdogRuns() throws Exception {
        // given
        String campaign = instantly.addCampaign("Q1");
        instantly.addLead(ANN, campaign);
        String paused = instantly.addWebhook(service.uri("/webhooks/instantly").toString(), "all_events",
                Map.of("X-Webhook-Secret", RunningService.WEBHOOK_SECRET));
        instantly.pauseWebhook(paused);

        // when Ann is marked interested while nothing is delivered
        setInterest(ANN, 1);

        // then the watchdog resumes, reconciles, and HubSpot gets the stage
        service.bean(WebhookWatchdog.class).runOnce();
        await().atMost(Duration.ofSeconds(30)).until(() -> hubspot.contact(ANN)
                .map(p -> "salesqualifiedlead".equals(p.get("lifecyclestage"))).orElse(false));
        await().atMost(Duration.ofSeconds(10)).until(() -> gaps().size() == 1
                && gaps().get(0).get("reconciled_at") != null);
        assertThat(instantly.webhook(paused).orElseThrow().isActive()).isTrue();
        assertThat(service.jdbc().queryForObject("select count(*) from inbound_event where auth_method = 'reconcile'",
                Integer.class)).isEqualTo(1);
    }

    private void setInterest(String email, int interestValue) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(instantly.baseUrl() + "/api/v2/leads/update-interest-status"))
                .header("Authorization", "Bearer " + instantly.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"lead_email\":\"" + email + "\",\"interest_value\":"
                        + interestValue + "}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
    }

    private List<Map<String, Object>> gaps() {
        return service.jdbc().queryForList("select system, subscription_id, paused_since, resumed_at, reconciled_at "
                + "from webhook_gap order by id");
    }
}
