package dev.crmsync.adapter.instantly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.config.Secret;
import dev.crmsync.core.spi.WebhookSubscriptions;
import dev.crmsync.testkit.instantly.InstantlySimulator;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InstantlyWebhookSubscriptionsIT {
    private static final URI ENDPOINT = URI.create("https://sync.example.com/webhooks/instantly");
    private InstantlySimulator simulator;
    private WebhookSubscriptions subscriptions;

    @BeforeEach
    void start() {
        simulator = InstantlySimulator.start();
        subscriptions = new InstantlyWebhookSubscriptions(WriterFixture.client(simulator, new RecordingRateBudget()));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void syncReportsWhatChangedAndASecondSyncChangesNothing() {
        // when
        WebhookSubscriptions.SyncReport first = subscriptions.sync(ENDPOINT, List.of("all_events"), Secret.of("s-1"));
        WebhookSubscriptions.SyncReport second = subscriptions.sync(ENDPOINT, List.of("all_events"), Secret.of("s-1"));

        // then
        assertThat(first.created()).hasSize(1);
        assertThat(second.changedNothing()).isTrue();
        assertThat(second.unchanged()).isEqualTo(first.created());
    }

    @Test
    void resumesPausedSubscriptionsAndSaysSinceWhen() {
        // given
        String paused = simulator.addWebhook(ENDPOINT.toString(), "all_events", Map.of());
        simulator.addWebhook(ENDPOINT.toString(), "reply_received", Map.of());
        simulator.pauseWebhook(paused);
        Instant now = Instant.now().plusSeconds(1);

        // when
        List<WebhookSubscriptions.PausedSubscription> resumed = subscriptions.resumePaused(now, Duration.ofMinutes(5));

        // then
        assertThat(resumed).singleElement().satisfies(r -> {
            assertThat(r.subscriptionId()).isEqualTo(paused);
            assertThat(r.resumedAt()).isEqualTo(now);
            assertThat(r.pausedSince()).isBeforeOrEqualTo(now);
        });
        assertThat(simulator.webhook(paused).orElseThrow().isActive()).isTrue();
        assertThat(subscriptions.resumePaused(now, Duration.ofMinutes(5))).isEmpty();
    }
}
