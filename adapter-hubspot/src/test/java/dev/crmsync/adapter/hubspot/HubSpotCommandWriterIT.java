package dev.crmsync.adapter.hubspot;

import static dev.crmsync.adapter.hubspot.OutboundItems.activity;
import static dev.crmsync.adapter.hubspot.OutboundItems.note;
import static dev.crmsync.adapter.hubspot.OutboundItems.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.model.Command;
import dev.crmsync.core.model.Identity;
import dev.crmsync.core.spi.CommandWriter;
import dev.crmsync.core.spi.OutboundItem;
import dev.crmsync.core.spi.PermanentAdapterException;
import dev.crmsync.core.spi.WriteOutcome;
import dev.crmsync.core.spi.WriteResult;
import dev.crmsync.testkit.hubspot.ContactWrite;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HubSpotCommandWriterIT {
    private static HubSpotSimulator simulator;
    private RecordingRateBudget budget;
    private CommandWriter writer;

    @BeforeAll
    static void start() {
        simulator = HubSpotSimulator.start();
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
    void twoHundredFiftyPeopleTakeThreeUpsertCallsAndAllArrive() {
        // given
        List<OutboundItem> items = IntStream.range(0, 250).mapToObj(i -> upsert("p" + i + "@example.com")).toList();

        // when
        WriteResult result = writer.write(items);

        // then
        assertThat(simulator.requestsByOperation()).containsExactly(Map.entry("contacts/batch/upsert", 3));
        assertThat(simulator.contactCount()).isEqualTo(250);
        assertThat(result.calls()).extracting(WriteResult.Call::items).containsExactly(100, 100, 50);
        assertThat(result.calls()).allSatisfy(call -> assertThat(call.status()).isEqualTo(200));
        assertThat(result.outcomes()).hasSize(250);
        assertThat(result.outcomes().get("upsert:p7@example.com")).isEqualTo(
                WriteOutcome.written(simulator.contactId("p7@example.com").orElseThrow(), "HTTP 200 contacts/batch/upsert"));
        assertThat(simulator.contact("p249@example.com").orElseThrow()).containsEntry("firstname", "Pat");
        assertThat(budget.acquired).hasValue(3);
        assertThat(budget.observed).isNotEmpty();
    }

    @Test
    void oneBadInputFailsOnlyItsItemWithHubSpotsReason() {
        // given
        List<OutboundItem> items = List.of(upsert("a@example.com", Map.of("lifecyclestage", "lead")),
                upsert("b@example.com", Map.of("lifecyclestage", "not-a-stage")),
                upsert("c@example.com", Map.of("hs_lead_status", "OPEN")));

        // when
        WriteResult result = writer.write(items);

        // then
        assertThat(result.outcomes().get("upsert:a@example.com")).isInstanceOf(WriteOutcome.Written.class);
        assertThat(result.outcomes().get("upsert:c@example.com")).isInstanceOf(WriteOutcome.Written.class);
        WriteOutcome failed = result.outcomes().get("upsert:b@example.com");
        assertThat(failed).isInstanceOf(WriteOutcome.Failed.class);
        assertThat(((WriteOutcome.Failed) failed).error()).isInstanceOf(PermanentAdapterException.class)
                .hasMessageContaining("lifecyclestage: INVALID_OPTION").hasMessageContaining("VALIDATION_ERROR")
                .extracting(e -> ((PermanentAdapterException) e).httpStatus()).isEqualTo(207);
        assertThat(result.calls()).singleElement().satisfies(call -> assertThat(call.status()).isEqualTo(207));
        assertThat(simulator.contactCount()).isEqualTo(2);
    }

    @Test
    void badInputFailsAloneEvenWhenHubSpotRejectsTheWholeEmailBatch() {
        // given
        simulator.setPartialEmailUpserts(false);
        List<OutboundItem> items = IntStream.range(0, 8).mapToObj(i -> i == 5
                ? upsert("p5@example.com", Map.of("no_such_property", "x")) : upsert("p" + i + "@example.com")).toList();

        // when
        WriteResult result = writer.write(items);

        // then
        assertThat(result.outcomes().values()).filteredOn(o -> o instanceof WriteOutcome.Failed).hasSize(1);
        assertThat(result.outcomes().get("upsert:p5@example.com")).isInstanceOf(WriteOutcome.Failed.class);
        assertThat(((WriteOutcome.Failed) result.outcomes().get("upsert:p5@example.com")).error())
                .hasMessageContaining("no_such_property: PROPERTY_DOESNT_EXIST");
        assertThat(simulator.contactCount()).isEqualTo(7);
        assertThat(result.calls().size()).isGreaterThan(1);
    }

    @Test
    void notesAreAssociatedWithTheRightContactAndCarryTheirKey() {
        // given
        List<OutboundItem> items = List.of(upsert("ann@example.com"), note("ann@example.com", "reply-1"),
                note("bob@example.com", "reply-2"));

        // when
        WriteResult result = writer.write(items);

        // then
        assertThat(simulator.notesFor("ann@example.com")).singleElement().satisfies(n -> assertThat(n)
                .containsEntry("sync_activity_key", "reply-1")
                .containsEntry("hs_timestamp", "2026-03-02T09:15:30.250Z")
                .containsEntry("hs_note_body", "<p><strong>Reply received</strong></p>"
                        + "<p>Sounds good.<br>Let's talk &lt;Tuesday&gt;.</p>"));
        assertThat(simulator.notesFor("bob@example.com")).singleElement()
                .satisfies(n -> assertThat(n).containsEntry("sync_activity_key", "reply-2"));
        String annNote = simulator.notesFor("ann@example.com").get(0).get("hs_object_id");
        assertThat(result.outcomes().get("activity:reply-1")).isEqualTo(
                WriteOutcome.written(annNote, "HTTP 201 notes/batch/create"));
        assertThat(((WriteOutcome.Written) result.outcomes().get("upsert:ann@example.com")).externalId())
                .isEqualTo(simulator.contactId("ann@example.com").orElseThrow());
        assertThat(result.calls()).extracting(WriteResult.Call::operation)
                .containsExactly("contacts/batch/upsert", "notes/batch/create");
        assertThat(simulator.contactCount()).isEqualTo(2);
    }

    @Test
    void noteOfAContactHubSpotRefusesFailsPermanently() {
        // when
        WriteResult result = writer.write(List.of(note("not-an-email", "reply-1"), note("ok@example.com", "reply-2")));

        // then
        assertThat(((WriteOutcome.Failed) result.outcomes().get("activity:reply-1")).error())
                .isInstanceOf(PermanentAdapterException.class).hasMessageContaining("INVALID_EMAIL");
        assertThat(result.outcomes().get("activity:reply-2")).isInstanceOf(WriteOutcome.Written.class);
        assertThat(simulator.noteCount()).isEqualTo(1);
    }

    @Test
    void activityOtherThanANoteOrTaskIsRefusedWithoutACall() {
        // when
        WriteResult result = writer.write(List.of(activity("ann@example.com", "call-1", "call")));

        // then
        assertThat(((WriteOutcome.Failed) result.outcomes().get("activity:call-1")).error())
                .isInstanceOf(PermanentAdapterException.class).hasMessageContaining("found 'call'");
        assertThat(simulator.requestCount()).isZero();
    }

    @Test
    void aTaskIsCreatedOnTheContactWithItsKey() {
        // when
        WriteResult result = writer.write(List.of(activity("ann@example.com", "meeting-1", "task")));

        // then
        assertThat(result.outcomes().get("activity:meeting-1")).isInstanceOf(WriteOutcome.Written.class);
        assertThat(simulator.tasksFor("ann@example.com")).singleElement().satisfies(task -> {
            assertThat(task).containsEntry("sync_activity_key", "meeting-1")
                    .containsEntry("hs_task_subject", "Reply received")
                    .containsEntry("hs_task_status", "NOT_STARTED")
                    .containsEntry("hs_timestamp", OutboundItems.OCCURRED_AT.toString());
            assertThat(task.get("hs_task_body")).contains("Let's talk &lt;Tuesday&gt;.");
        });
        assertThat(simulator.noteCount()).isZero();
    }

    @Test
    void aStageMovingBackIsClearedInARequestOfItsOwnBeforeTheSet() {
        // given a customer
        simulator.repEdit("ann@example.com", Map.of("lifecyclestage", "customer"));
        OutboundItem back = new OutboundItem("upsert:ann", new Command.Upsert(
                OutboundItems.HUBSPOT, Identity.ofEmail("ann@example.com"),
                Map.of("lifecyclestage", "salesqualifiedlead", "firstname", "Ann"), OutboundItems.OCCURRED_AT,
                Set.of("lifecyclestage")), 0);

        // when
        WriteResult result = writer.write(List.of(back, upsert("bob@example.com")));

        // then
        assertThat(simulator.contact("ann@example.com").orElseThrow()).containsEntry("lifecyclestage",
                "salesqualifiedlead").containsEntry("firstname", "Ann");
        List<ContactWrite> writes = simulator.contactWrites("ann@example.com");
        assertThat(writes).extracting(ContactWrite::requested).containsExactly(
                Map.of("lifecyclestage", ""), Map.of("lifecyclestage", "salesqualifiedlead", "firstname", "Ann"));
        assertThat(writes.get(0).request()).isNotEqualTo(writes.get(1).request());
        assertThat(simulator.contactWrites("bob@example.com")).singleElement()
                .satisfies(w -> assertThat(w.request()).isEqualTo(writes.get(1).request()));
        assertThat(((WriteOutcome.Written) result.outcomes().get("upsert:ann")).detail())
                .contains("clearing [lifecyclestage] first");
    }

    @Test
    void withoutClearingFirstHubSpotIgnoresABackwardStage() {
        simulator.repEdit("ann@example.com", Map.of("lifecyclestage", "customer"));

        writer.write(List.of(upsert("ann@example.com", Map.of("lifecyclestage", "salesqualifiedlead"))));

        assertThat(simulator.contact("ann@example.com").orElseThrow()).containsEntry("lifecyclestage", "customer");
    }
}
