package dev.crmsync.testkit.instantly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InstantlySimulatorWebhooksTest {
    private static InstantlySimulator simulator;
    private static SimHttp http;

    @BeforeAll
    static void start() {
        simulator = InstantlySimulator.start();
        http = new SimHttp(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    @Test
    void createdSubscriptionIsListedActiveWithItsHeaders() {
        // when
        SimHttp.Answer created = http.post("/api/v2/webhooks", "{\"target_hook_url\":\"https://sync.example/webhooks/"
                + "instantly\",\"event_type\":\"reply_received\",\"headers\":{\"X-Webhook-Secret\":\"s3\"}}");
        SimHttp.Answer listed = http.get("/api/v2/webhooks");

        // then
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().path("status").asInt()).isEqualTo(1);
        assertThat(listed.body().path("items")).hasSize(1);
        assertThat(listed.body().path("items").get(0).path("headers").path("X-Webhook-Secret").asString()).isEqualTo("s3");
    }

    @Test
    void createRefusesATargetThatIsNotHttpAndAnUnknownEventType() {
        assertThat(http.post("/api/v2/webhooks", "{\"target_hook_url\":\"ftp://x\"}").status()).isEqualTo(400);
        assertThat(http.post("/api/v2/webhooks", "{\"target_hook_url\":\"https://x\",\"event_type\":\"nope\"}")
                .status()).isEqualTo(400);
    }

    @Test
    void pausedSubscriptionShowsStatusAndTimeAndResumes() {
        // given
        String id = simulator.addWebhook("https://sync.example/hook", "all_events", Map.of());
        simulator.pauseWebhook(id);

        // when
        SimHttp.Answer paused = http.get("/api/v2/webhooks/" + id);
        SimHttp.Answer resumed = http.post("/api/v2/webhooks/" + id + "/resume", null);

        // then
        assertThat(paused.body().path("status").asInt()).isEqualTo(-1);
        assertThat(paused.body().path("timestamp_error").asString()).isNotBlank();
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.body().path("status").asInt()).isEqualTo(1);
        assertThat(simulator.webhook(id).orElseThrow().isActive()).isTrue();
    }

    @Test
    void patchChangesOnlyWhatItNames() {
        // given
        String id = simulator.addWebhook("https://sync.example/hook", "reply_received", Map.of("X-Webhook-Secret", "old"));

        // when
        SimHttp.Answer answer = http.patch("/api/v2/webhooks/" + id, "{\"headers\":{\"X-Webhook-Secret\":\"new\"}}");

        // then
        assertThat(answer.status()).isEqualTo(200);
        SimulatedWebhook webhook = simulator.webhook(id).orElseThrow();
        assertThat(webhook.headers()).containsEntry("X-Webhook-Secret", "new");
        assertThat(webhook.eventType()).isEqualTo("reply_received");
        assertThat(http.delete("/api/v2/webhooks/" + id).status()).isEqualTo(200);
        assertThat(simulator.webhooks()).isEmpty();
    }

    @Test
    void listPagesAndFiltersByEventType() {
        // given
        simulator.addWebhook("https://a.example", "reply_received", Map.of());
        simulator.addWebhook("https://b.example", "email_sent", Map.of());
        simulator.addWebhook("https://c.example", "reply_received", Map.of());

        // when
        SimHttp.Answer first = http.get("/api/v2/webhooks?limit=1&event_type=reply_received");
        SimHttp.Answer second = http.get("/api/v2/webhooks?limit=1&event_type=reply_received&starting_after="
                + first.body().path("next_starting_after").asString());

        // then
        assertThat(first.body().path("items").get(0).path("target_hook_url").asString()).isEqualTo("https://a.example");
        assertThat(second.body().path("items").get(0).path("target_hook_url").asString()).isEqualTo("https://c.example");
        assertThat(second.body().has("next_starting_after")).isFalse();
    }
}
