package dev.crmsync.adapter.instantly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.config.Secret;
import dev.crmsync.testkit.instantly.InstantlySimulator;
import dev.crmsync.testkit.instantly.SimulatedWebhook;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InstantlyWebhookSyncIT {
    private static final URI ENDPOINT = URI.create("https://sync.example.com/webhooks/instantly");
    private static final List<String> EVENTS = List.of("reply_received", "lead_interested", "email_bounced");
    private static InstantlySimulator simulator;
    private InstantlyWebhookSync sync;

    @BeforeAll
    static void start() {
        simulator = InstantlySimulator.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
        sync = new InstantlyWebhookSync(WriterFixture.client(simulator, new RecordingRateBudget()));
    }

    @Test
    void createsOneSubscriptionPerEventTypeWithTheSecretHeader() {
        // when
        WebhookSyncReport report = sync.sync(ENDPOINT, EVENTS, Secret.of("whsec-1"));

        // then
        assertThat(report.created()).hasSize(3);
        assertThat(simulator.webhooks()).extracting(SimulatedWebhook::eventType)
                .containsExactlyInAnyOrderElementsOf(EVENTS);
        assertThat(simulator.webhooks()).allSatisfy(w -> {
            assertThat(w.targetHookUrl()).isEqualTo(ENDPOINT.toString());
            assertThat(w.headers()).containsExactly(Map.entry("X-Webhook-Secret", "whsec-1"));
            assertThat(w.name()).startsWith("crm-sync ");
            assertThat(w.isActive()).isTrue();
        });
    }

    @Test
    void secondRunMakesNoCallButTheListing() {
        // given
        sync.sync(ENDPOINT, EVENTS, Secret.of("whsec-1"));
        int requestsBefore = simulator.requestCount();
        Map<String, Integer> before = simulator.requestsByOperation();

        // when
        WebhookSyncReport second = sync.sync(ENDPOINT, EVENTS, Secret.of("whsec-1"));

        // then
        assertThat(second.changedNothing()).isTrue();
        assertThat(second.unchanged()).hasSize(3);
        assertThat(simulator.requestCount() - requestsBefore).isEqualTo(1);
        assertThat(simulator.requestsByOperation()).containsEntry("webhooks/list", before.get("webhooks/list") + 1)
                .doesNotContainKey("webhooks/patch");
        assertThat(simulator.requestsByOperation().get("webhooks/create")).isEqualTo(3);
    }

    @Test
    void aRotatedSecretUpdatesTheExistingSubscriptionsInPlace() {
        // given
        sync.sync(ENDPOINT, EVENTS, Secret.of("whsec-old"));
        List<String> ids = simulator.webhooks().stream().map(SimulatedWebhook::id).toList();

        // when
        WebhookSyncReport report = sync.sync(ENDPOINT, EVENTS, Secret.of("whsec-new"));

        // then
        assertThat(report.updated()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(report.created()).isEmpty();
        assertThat(simulator.webhooks()).allSatisfy(w ->
                assertThat(w.headers()).containsEntry("X-Webhook-Secret", "whsec-new"));
    }

    @Test
    void otherSubscriptionsAreLeftAlone() {
        // given
        String zapier = simulator.addWebhook("https://hooks.zapier.example/123", "reply_received",
                Map.of("Authorization", "Basic abc"));
        String oldEvent = simulator.addWebhook(ENDPOINT.toString(), "email_opened", Map.of("X-Webhook-Secret", "x"));

        // when
        WebhookSyncReport report = sync.sync(ENDPOINT, EVENTS, Secret.of("whsec-1"));

        // then
        assertThat(report.leftAlone()).containsExactlyInAnyOrder(zapier, oldEvent);
        assertThat(simulator.webhook(zapier).orElseThrow().headers()).containsEntry("Authorization", "Basic abc");
        assertThat(simulator.webhook(oldEvent).orElseThrow().headers()).containsEntry("X-Webhook-Secret", "x");
        assertThat(simulator.webhooks()).hasSize(5);
    }

    @Test
    void allEventsIsOneSubscription() {
        // when
        sync.sync(ENDPOINT, List.of("all_events"), Secret.of("whsec-1"));

        // then
        assertThat(simulator.webhooks()).singleElement().satisfies(w -> assertThat(w.eventType()).isEqualTo("all_events"));
    }

    @Test
    void reportAndSpecNeverPrintTheSecret() {
        // when
        WebhookSyncReport report = sync.sync(ENDPOINT, EVENTS, Secret.of("whsec-hidden"));
        InstantlyWebhook listed = WriterFixture.client(simulator, new RecordingRateBudget()).allWebhooks().get(0);

        // then
        assertThat(report.toString()).doesNotContain("whsec-hidden");
        assertThat(listed.toString()).doesNotContain("whsec-hidden").contains("X-Webhook-Secret");
        assertThat(new InstantlyWebhookSpec(ENDPOINT.toString(), "reply_received", null,
                Map.of("X-Webhook-Secret", Secret.of("whsec-hidden"))).toString()).doesNotContain("whsec-hidden");
    }
}
