package dev.crmsync.testkit.instantly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class InstantlySimulatorSenderTest {
    private static final Map<String, String> SECRET = Map.of("X-Webhook-Secret", "whsec-1");
    private InstantlySimulator simulator;
    private WebhookReceiver receiver;

    @BeforeEach
    void start() {
        simulator = InstantlySimulator.start();
        simulator.setDeliveryRetryDelays(Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(60));
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        simulator.close();
        receiver.close();
    }

    private List<WebhookDelivery> send(String eventType, String email, Map<String, Object> extra) throws Exception {
        return simulator.sendEvent(eventType, email, extra).get(10, TimeUnit.SECONDS);
    }

    @Test
    void deliversTheDocumentedBodyWithTheSubscriptionsHeaders() throws Exception {
        // given
        String campaign = simulator.addCampaign("Q1 SaaS Outreach");
        simulator.addLead("ann.lee@northwind.example", campaign, Map.of("icp_tier", "A"));
        simulator.addWebhook(receiver.url("/webhooks/instantly"), "reply_received", SECRET);

        // when
        List<WebhookDelivery> deliveries = send("reply_received", "ann.lee@northwind.example",
                Map.of("reply_text", "Thursday works", "step", 2));

        // then
        assertThat(deliveries).singleElement().satisfies(d -> assertThat(d.delivered()).isTrue());
        WebhookReceiver.Received received = receiver.received().get(0);
        assertThat(received.path()).isEqualTo("/webhooks/instantly");
        assertThat(received.header("X-Webhook-Secret")).isEqualTo("whsec-1");
        assertThat(received.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = SimHttp.JSON.readTree(received.body());
        assertThat(body.path("event_type").asString()).isEqualTo("reply_received");
        assertThat(body.path("lead_email").asString()).isEqualTo("ann.lee@northwind.example");
        assertThat(body.path("campaign_id").asString()).isEqualTo(campaign);
        assertThat(body.path("campaign_name").asString()).isEqualTo("Q1 SaaS Outreach");
        assertThat(body.path("workspace").asString()).isEqualTo(simulator.workspaceId());
        assertThat(body.path("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(body.path("icp_tier").asString()).isEqualTo("A");
        assertThat(body.path("step").asInt()).isEqualTo(2);
    }

    @Test
    void onlyMatchingActiveSubscriptionsReceiveTheEvent() throws Exception {
        // given
        simulator.addWebhook(receiver.url("/all"), "all_events", SECRET);
        simulator.addWebhook(receiver.url("/sent"), "email_sent", SECRET);
        simulator.addWebhook(receiver.url("/clicks"), "email_link_clicked", SECRET);
        String paused = simulator.addWebhook(receiver.url("/paused"), "all_events", SECRET);
        simulator.pauseWebhook(paused);

        // when
        send("link_clicked", "ann@example.com", Map.of());

        // then
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::path)
                .containsExactlyInAnyOrder("/all", "/clicks");
    }

    @Test
    void retriesAFailedDeliveryThreeTimesThenGivesUpWithIdenticalBodies() throws Exception {
        // given
        receiver.alwaysAnswer(500);
        simulator.addWebhook(receiver.url("/hook"), "lead_interested", SECRET);

        // when
        WebhookDelivery delivery = send("lead_interested", "ann@example.com", Map.of()).get(0);

        // then
        assertThat(delivery.delivered()).isFalse();
        assertThat(delivery.attempts()).extracting(DeliveryAttempt::number).containsExactly(1, 2, 3, 4);
        assertThat(delivery.attempts()).allSatisfy(a -> assertThat(a.status()).isEqualTo(500));
        assertThat(receiver.received()).hasSize(4);
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::body).containsOnly(delivery.bodyText());
        assertThat(simulator.deliveries()).containsExactly(delivery);
    }

    @Test
    void stopsRetryingOnceADeliverySucceeds() throws Exception {
        // given
        receiver.answer(503, 200);
        simulator.addWebhook(receiver.url("/hook"), "lead_interested", SECRET);

        // when
        WebhookDelivery delivery = send("lead_interested", "ann@example.com", Map.of()).get(0);

        // then
        assertThat(delivery.delivered()).isTrue();
        assertThat(delivery.attempts()).extracting(DeliveryAttempt::status).containsExactly(503, 200);
        assertThat(receiver.received()).hasSize(2);
    }

    @Test
    void anUnreachableTargetCountsAsAFailedTryWithTheReason() throws Exception {
        // given
        String target = receiver.url("/hook");
        receiver.close();
        simulator.setDeliveryTimeout(Duration.ofSeconds(2));
        simulator.addWebhook(target, "all_events", SECRET);

        // when
        WebhookDelivery delivery = send("email_sent", "ann@example.com", Map.of()).get(0);

        // then
        assertThat(delivery.attempts()).hasSize(4).allSatisfy(a -> {
            assertThat(a.status()).isZero();
            assertThat(a.error()).isNotBlank();
        });
    }

    @Test
    void canDisableASubscriptionWhoseDeliveriesKeepFailing() throws Exception {
        // given
        receiver.alwaysAnswer(500);
        simulator.disableWebhookAfterFailedDeliveries(2);
        String id = simulator.addWebhook(receiver.url("/hook"), "all_events", SECRET);

        // when
        send("email_sent", "ann@example.com", Map.of());
        send("email_sent", "ann@example.com", Map.of());
        List<WebhookDelivery> afterDisabled = send("email_sent", "ann@example.com", Map.of());

        // then
        SimulatedWebhook webhook = simulator.webhook(id).orElseThrow();
        assertThat(webhook.status()).isEqualTo(SimulatedWebhook.DISABLED);
        assertThat(webhook.timestampError()).isNotNull();
        assertThat(afterDisabled).isEmpty();
    }

    @Test
    void customLabelEventsGoToAllEventsAndToCustomLabelSubscriptions() throws Exception {
        // given
        simulator.addWebhook(receiver.url("/labels"), null, SECRET);
        simulator.addWebhook(receiver.url("/replies"), "reply_received", SECRET);

        // when
        send("Demo Requested", "ann@example.com", Map.of());

        // then
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::path).containsExactly("/labels");
    }
}
