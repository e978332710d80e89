package dev.crmsync.adapter.instantly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmsync.core.spi.PermanentAdapterException;
import dev.crmsync.testkit.instantly.InstantlySimulator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InstantlyClientIT {
    private static InstantlySimulator simulator;
    private RecordingRateBudget budget;
    private InstantlyClient client;

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
        budget = new RecordingRateBudget();
        client = WriterFixture.client(simulator, budget);
    }

    @Test
    void leadPagesFollowTheCursorUntilTheLastPage() {
        // given
        String campaign = simulator.addCampaign("Q1");
        IntStream.range(0, 5).forEach(i -> simulator.addLead("p" + i + "@example.com", campaign));

        // when
        InstantlyPage<InstantlyLead> first = client.listLeads(campaign, null, 2);
        InstantlyPage<InstantlyLead> second = client.listLeads(campaign, first.nextStartingAfter(), 2);
        InstantlyPage<InstantlyLead> third = client.listLeads(campaign, second.nextStartingAfter(), 2);

        // then
        assertThat(first.items()).extracting(InstantlyLead::email).containsExactly("p0@example.com", "p1@example.com");
        assertThat(first.hasMorePages()).isTrue();
        assertThat(third.items()).extracting(InstantlyLead::email).containsExactly("p4@example.com");
        assertThat(third.hasMorePages()).isFalse();
    }

    @Test
    void leadIteratorWalksEveryPageOfEachCampaignAndCallsOnlyAsItIsConsumed() {
        // given
        String q1 = simulator.addCampaign("Q1");
        String q2 = simulator.addCampaign("Q2");
        String q3 = simulator.addCampaign("Q3");
        IntStream.range(0, 150).forEach(i -> simulator.addLead("q1-" + i + "@example.com", q1));
        IntStream.range(0, 3).forEach(i -> simulator.addLead("q2-" + i + "@example.com", q2));
        simulator.addLead("q3@example.com", q3);

        // when
        Iterator<InstantlyLead> leads = client.leads(List.of(q1, q2));
        leads.next();
        int callsAfterFirst = simulator.requestCount();
        List<InstantlyLead> rest = new ArrayList<>();
        leads.forEachRemaining(rest::add);

        // then
        assertThat(callsAfterFirst).isEqualTo(1);
        assertThat(rest).hasSize(152);
        assertThat(rest).noneMatch(lead -> lead.email().startsWith("q3"));
        assertThat(simulator.requestsByOperation()).containsEntry("leads/list", 3);
        assertThat(budget.acquired).hasValue(3);
    }

    @Test
    void anEmptyCampaignListWalksAllLeads() {
        // given
        simulator.addLead("a@example.com", simulator.addCampaign("Q1"));
        simulator.addLead("b@example.com", null);

        // when
        List<InstantlyLead> all = new ArrayList<>();
        client.leads(List.of()).forEachRemaining(all::add);

        // then
        assertThat(all).extracting(InstantlyLead::email).containsExactly("a@example.com", "b@example.com");
    }

    @Test
    void leadsAreReadWithTheirCustomVariablesButNotInstantlysCoreEchoes() {
        // given
        String id = simulator.addLead("Ann@Example.com", simulator.addCampaign("Q1"), Map.of("tier", "A"));
        new SimHttpPatch(simulator).firstName(id, "Ann");

        // when
        InstantlyLead lead = client.leadsByEmail(List.of("ann@example.com")).get(0);

        // then
        assertThat(lead.email()).isEqualTo("ann@example.com");
        assertThat(lead.fields()).containsEntry("first_name", "Ann");
        assertThat(lead.customVariables()).containsExactly(Map.entry("tier", "A"));
        assertThat(lead.isInActiveCampaign()).isTrue();
        assertThat(lead.toString()).doesNotContain("ann@example.com");
    }

    @Test
    void campaignsAreListedAcrossPages() {
        // given
        IntStream.range(0, 105).forEach(i -> simulator.addCampaign("C" + i));

        // when
        List<InstantlyCampaign> campaigns = client.allCampaigns();

        // then
        assertThat(campaigns).hasSize(105);
        assertThat(campaigns.get(104).name()).isEqualTo("C104");
        assertThat(campaigns.get(0).status()).isEqualTo(1);
        assertThat(simulator.requestsByOperation()).containsEntry("campaigns/list", 2);
    }

    @Test
    void aPausedWebhookIsListedAsPausedAndResumes() {
        // given
        String id = simulator.addWebhook("https://sync.example/hook", "all_events", Map.of("X-Webhook-Secret", "s"));
        simulator.pauseWebhook(id);

        // when
        InstantlyWebhook listed = client.allWebhooks().get(0);
        InstantlyWebhook resumed = client.resumeWebhook(id);

        // then
        assertThat(listed.isPaused()).isTrue();
        assertThat(listed.timestampError()).isNotNull();
        assertThat(resumed.isPaused()).isFalse();
        assertThat(simulator.webhook(id).orElseThrow().isActive()).isTrue();
    }

    @Test
    void resumingAnUnknownWebhookIsPermanent() {
        assertThatThrownBy(() -> client.resumeWebhook("019c0000-0000-7000-8000-000000000000"))
                .isInstanceOf(PermanentAdapterException.class).hasMessageContaining("404");
    }

    @Test
    void blockListBulkIsChunkedAtOneThousand() {
        // given
        List<String> values = IntStream.range(0, 1_001).mapToObj(i -> "u" + i + "@example.com").toList();

        // when
        int created = client.addToBlockList(values);

        // then
        assertThat(created).isEqualTo(1_001);
        assertThat(simulator.requestsByOperation()).containsEntry("block-lists-entries/bulk-create", 2);
    }
}
