package dev.crmsync.adapter.instantly;

import static dev.crmsync.adapter.instantly.OutboundItems.blocklisted;
import static dev.crmsync.adapter.instantly.OutboundItems.interest;
import static dev.crmsync.adapter.instantly.OutboundItems.note;
import static dev.crmsync.adapter.instantly.OutboundItems.stopped;
import static dev.crmsync.adapter.instantly.OutboundItems.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.spi.CommandWriter;
import dev.crmsync.core.spi.PermanentAdapterException;
import dev.crmsync.core.spi.WriteOutcome;
import dev.crmsync.core.spi.WriteResult;
import dev.crmsync.testkit.instantly.InstantlySimulator;
import dev.crmsync.testkit.instantly.SimulatedLead;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InstantlyCommandWriterIT {
    private static InstantlySimulator simulator;
    private RecordingRateBudget budget;
    private CommandWriter writer;

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
        writer = WriterFixture.writer(simulator, budget);
    }

    @Test
    void interestValueReachesInstantlyAsOneUpdatePerPerson() {
        // given
        String campaign = simulator.addCampaign("Q1");
        simulator.addLead("ann@example.com", campaign);
        simulator.addLead("bob@example.com", campaign);

        // when
        WriteResult result = writer.write(List.of(interest("ann@example.com", 2), interest("bob@example.com", -1)));

        // then
        assertThat(simulator.interestStatus("ann@example.com")).contains(2);
        assertThat(simulator.interestStatus("bob@example.com")).contains(-1);
        assertThat(simulator.interestUpdates("ann@example.com")).isEqualTo(1);
        assertThat(result.outcomes().get("upsert:ann@example.com")).isInstanceOfSatisfying(WriteOutcome.Written.class,
                w -> assertThat(w.detail()).isEqualTo("HTTP 202 leads/update-interest-status"));
        assertThat(result.calls()).extracting(WriteResult.Call::operation)
                .containsExactly("leads/update-interest-status", "leads/update-interest-status");
        assertThat(budget.acquired).hasValue(2);
    }

    @Test
    void blankInterestValueResetsTheLeadToLead() {
        // given
        simulator.addLead("ann@example.com", null);
        writer.write(List.of(interest("ann@example.com", 1)));

        // when
        writer.write(List.of(upsert("ann@example.com", Map.of("interest_value", ""))));

        // then
        assertThat(simulator.interestStatus("ann@example.com")).isEmpty();
    }

    @Test
    void blockListEntriesOfOneWriteGoInOneBulkCall() {
        // when
        WriteResult result = writer.write(List.of(blocklisted("ann@example.com"), blocklisted("bob@example.com"),
                blocklisted("cy@example.com")));

        // then
        assertThat(simulator.blockList()).containsExactly("ann@example.com", "bob@example.com", "cy@example.com");
        assertThat(simulator.requestsByOperation()).containsExactly(Map.entry("block-lists-entries/bulk-create", 1));
        assertThat(result.calls()).singleElement().satisfies(call -> assertThat(call.items()).isEqualTo(3));
        assertThat(result.outcomes().values()).allSatisfy(o -> assertThat(o).isInstanceOf(WriteOutcome.Written.class));
    }

    @Test
    void blockingSomeoneAlreadyBlockedStillSucceeds() {
        // given
        writer.write(List.of(blocklisted("ann@example.com")));

        // when
        WriteResult again = writer.write(List.of(blocklisted("ann@example.com")));

        // then
        assertThat(again.outcomes().get("upsert:ann@example.com")).isInstanceOf(WriteOutcome.Written.class);
        assertThat(simulator.blockList()).containsExactly("ann@example.com");
    }

    @Test
    void stoppingASequenceDeletesTheLeadFromItsActiveCampaignsOnly() {
        // given
        String q1 = simulator.addCampaign("Q1");
        String q2 = simulator.addCampaign("Q2");
        simulator.addLead("ann@example.com", q1);
        String completed = simulator.addLead("ann@example.com", q2);
        simulator.setLeadStatus(completed, SimulatedLead.COMPLETED);

        // when
        WriteResult result = writer.write(List.of(stopped("ann@example.com")));

        // then
        assertThat(simulator.leads("ann@example.com")).extracting(SimulatedLead::id).containsExactly(completed);
        assertThat(result.calls()).extracting(WriteResult.Call::operation).containsExactly("leads/list", "leads/delete");
        assertThat(result.outcomes().get("upsert:ann@example.com")).isInstanceOf(WriteOutcome.Written.class);
    }

    @Test
    void stoppingASequenceMovesTheLeadsIntoTheConfiguredListInOneCall() {
        // given
        writer = WriterFixture.writer(simulator, budget, Map.of("stopped-list-id", "list-stopped"));
        String q1 = simulator.addCampaign("Q1");
        simulator.addLead("ann@example.com", q1);
        simulator.addLead("bob@example.com", q1);

        // when
        writer.write(List.of(stopped("ann@example.com"), stopped("bob@example.com")));

        // then
        assertThat(List.of(simulator.lead("ann@example.com").orElseThrow(), simulator.lead("bob@example.com").orElseThrow()))
                .allSatisfy(lead -> {
                    assertThat(lead.campaignId()).isNull();
                    assertThat(lead.listId()).isEqualTo("list-stopped");
                });
        assertThat(simulator.requestsByOperation()).containsEntry("leads/move", 1).containsEntry("leads/list", 1);
    }

    @Test
    void stoppingSomeoneWithNoActiveCampaignChangesNothing() {
        // when
        WriteResult result = writer.write(List.of(stopped("nobody@example.com")));

        // then
        assertThat(result.outcomes().get("upsert:nobody@example.com")).isInstanceOfSatisfying(
                WriteOutcome.Written.class, w -> assertThat(w.detail()).contains("no active campaign"));
        assertThat(simulator.requestsByOperation()).containsExactly(Map.entry("leads/list", 1));
    }

    @Test
    void otherFieldsPatchEveryLeadRecordKeepingItsOtherCustomVariables() {
        // given
        simulator.addLead("ann@example.com", simulator.addCampaign("Q1"), Map.of("seats", "40"));
        simulator.addLead("ann@example.com", simulator.addCampaign("Q2"), Map.of("seats", "40"));

        // when
        WriteResult result = writer.write(List.of(upsert("ann@example.com",
                Map.of("first_name", "Ann", "custom.deal_stage", "won", "icp_tier", "A"))));

        // then
        assertThat(simulator.leads("ann@example.com")).hasSize(2).allSatisfy(lead -> {
            assertThat(lead.fields()).containsEntry("first_name", "Ann");
            assertThat(lead.customVariables()).containsOnly(Map.entry("seats", "40"), Map.entry("deal_stage", "won"),
                    Map.entry("icp_tier", "A"));
        });
        assertThat(result.outcomes().get("upsert:ann@example.com")).isInstanceOfSatisfying(WriteOutcome.Written.class,
                w -> assertThat(w.externalId()).isEqualTo(simulator.lead("ann@example.com").orElseThrow().id()));
    }

    @Test
    void fieldsForSomeoneInstantlyDoesNotKnowFailPermanently() {
        // when
        WriteResult result = writer.write(List.of(upsert("nobody@example.com", Map.of("first_name", "No"))));

        // then
        assertThat(result.outcomes().get("upsert:nobody@example.com")).isInstanceOfSatisfying(WriteOutcome.Failed.class,
                f -> {
                    assertThat(f.error()).isInstanceOf(PermanentAdapterException.class);
                    assertThat(f.error().getMessage()).contains("found none").doesNotContain("nobody@example.com");
                });
    }

    @Test
    void oneUpsertCanCarryEveryKindOfChange() {
        // given
        simulator.addLead("ann@example.com", simulator.addCampaign("Q1"));

        // when
        WriteResult result = writer.write(List.of(upsert("ann@example.com", Map.of("interest_value", "4",
                "custom.deal", "won", "blocklisted", "true", "sequence", "stopped"))));

        // then
        assertThat(simulator.isBlocked("ann@example.com")).isTrue();
        assertThat(simulator.leads("ann@example.com")).isEmpty();
        assertThat(result.calls()).extracting(WriteResult.Call::operation).containsExactly("leads/list",
                "leads/update-interest-status", "leads/patch", "block-lists-entries/bulk-create", "leads/delete");
        assertThat(result.outcomes().get("upsert:ann@example.com")).isInstanceOf(WriteOutcome.Written.class);
    }

    @Test
    void activitiesFailPermanentlyBecauseInstantlyHasNoActivityRecords() {
        // given
        simulator.addLead("ann@example.com", null);

        // when
        WriteResult result = writer.write(List.of(note("ann@example.com"), interest("ann@example.com", 1)));

        // then
        assertThat(result.outcomes().get("activity:ann@example.com")).isInstanceOfSatisfying(WriteOutcome.Failed.class,
                f -> {
                    assertThat(f.error()).isInstanceOf(PermanentAdapterException.class);
                    assertThat(f.error().getMessage()).contains("Instantly has no activity records");
                });
        assertThat(result.outcomes().get("upsert:ann@example.com")).isInstanceOf(WriteOutcome.Written.class);
    }

    @Test
    void valuesOutsideTheVocabularyFailPermanentlyWithoutACall() {
        // when
        WriteResult result = writer.write(List.of(upsert("ann@example.com", Map.of("interest_value", "hot")),
                upsert("bob@example.com", Map.of("blocklisted", "false")),
                upsert("cy@example.com", Map.of("sequence", "paused"))));

        // then
        assertThat(result.outcomes().values()).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(
                WriteOutcome.Failed.class, f -> assertThat(f.error()).isInstanceOf(PermanentAdapterException.class)));
        assertThat(((WriteOutcome.Failed) result.outcomes().get("upsert:ann@example.com")).error().getMessage())
                .contains("interest_value must be a whole number");
        assertThat(simulator.requestCount()).isZero();
    }

    @Test
    void maxBatchSizeIsOneLeadsListPage() {
        assertThat(writer.maxBatchSize()).isEqualTo(100);
        assertThat(WriterFixture.writer(simulator, budget, Map.of("batch-size", "25")).maxBatchSize()).isEqualTo(25);
    }
}
