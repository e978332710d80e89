package dev.crmsync.adapter.instantly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.spi.ParsedEvent;
import dev.crmsync.core.spi.WebhookSubscriptions;
import dev.crmsync.testkit.instantly.InstantlySimulator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InstantlyLeadReconcileIT {
    private InstantlySimulator simulator;
    private InstantlyClient client;
    private WebhookSubscriptions subscriptions;

    @BeforeEach
    void start() {
        simulator = InstantlySimulator.start();
        client = WriterFixture.client(simulator, new RecordingRateBudget());
        subscriptions = new InstantlyWebhookSubscriptions(client);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void leadsChangedInsideTheWindowBecomeTheirInterestEventAndOlderLeadsDoNot() throws Exception {
        // given
        String campaign = simulator.addCampaign("Q1");
        simulator.addLead("old@example.com", campaign);
        simulator.addLead("ann@example.com", campaign);
        Thread.sleep(5);
        Instant since = Instant.now();
        Thread.sleep(5);
        client.updateInterestStatus("ann@example.com", 1);

        // when
        List<ParsedEvent> events = subscriptions.reconcile(since);

        // then
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.eventType()).isEqualTo("lead_interested");
            assertThat(e.email()).isEqualTo("ann@example.com");
            assertThat(e.occurredAt()).isAfterOrEqualTo(since);
            assertThat(new String(e.payload(), StandardCharsets.UTF_8)).contains("\"interest_value\":1")
                    .contains("\"reconciled\":true").contains("\"campaign_id\":\"" + campaign + "\"");
        });
    }

    @Test
    void reconcilingTwiceGivesTheSameDedupKeys() {
        // given
        String campaign = simulator.addCampaign("Q1");
        Instant since = Instant.now().minusSeconds(60);
        simulator.addLead("ann@example.com", campaign);
        simulator.addLead("bob@example.com", campaign);
        client.updateInterestStatus("bob@example.com", -1);

        // when
        List<String> first = subscriptions.reconcile(since).stream().map(ParsedEvent::dedupKey).toList();
        List<String> second = subscriptions.reconcile(since).stream().map(ParsedEvent::dedupKey).toList();

        // then
        assertThat(first).hasSize(2).doesNotHaveDuplicates();
        assertThat(second).containsExactlyElementsOf(first);
    }

    @Test
    void aLeadWithoutInterestStatusBecomesAPlainStatusChange() {
        // given
        Instant since = Instant.now().minusSeconds(60);
        simulator.addLead("ann@example.com", null);

        // when
        List<ParsedEvent> events = subscriptions.reconcile(since);

        // then
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.eventType()).isEqualTo("lead_status_changed");
            assertThat(new String(e.payload(), StandardCharsets.UTF_8)).doesNotContain("interest_value");
        });
    }
}
