package dev.crmsync.adapter.hubspot;

import static dev.crmsync.adapter.hubspot.OutboundItems.note;
import static dev.crmsync.adapter.hubspot.OutboundItems.retried;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmsync.core.spi.CommandWriter;
import dev.crmsync.core.spi.OutboundItem;
import dev.crmsync.core.spi.TransientAdapterException;
import dev.crmsync.core.spi.WriteOutcome;
import dev.crmsync.core.spi.WriteResult;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HubSpotNoteIdempotencyIT {
    private static HubSpotSimulator simulator;
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
        writer = WriterFixture.writer(simulator, new RecordingRateBudget(), Map.of("timeout-ms", "500"));
    }

    @Test
    void noteWhoseFirstAttemptTimedOutAfterHubSpotAppliedItIsNotWrittenTwice() {
        // given: HubSpot creates the note but answers after the writer gave up
        OutboundItem first = note("ann@example.com", "reply-42");
        simulator.delayNextResponse("notes/batch/create", Duration.ofSeconds(2));
        assertThatThrownBy(() -> writer.write(List.of(first))).isInstanceOf(TransientAdapterException.class);
        assertThat(simulator.noteCount()).isEqualTo(1);

        // when: the dispatcher retries it
        WriteResult retry = writer.write(List.of(retried(first)));

        // then
        assertThat(simulator.noteCount()).isEqualTo(1);
        String noteId = simulator.notesFor("ann@example.com").get(0).get("hs_object_id");
        assertThat(retry.outcomes().get(first.key()))
                .isEqualTo(WriteOutcome.written(noteId, "HTTP 200 notes/search: already written"));
        assertThat(retry.calls()).extracting(WriteResult.Call::operation)
                .containsExactly("contacts/batch/upsert", "notes/search");
        assertThat(simulator.requestsByOperation()).containsEntry("notes/batch/create", 1);
    }

    @Test
    void retryOfANoteThatNeverLandedCreatesItOnce() {
        // given
        OutboundItem first = note("ann@example.com", "reply-7");
        simulator.failNext("notes/batch/create", 1, 503);
        assertThatThrownBy(() -> writer.write(List.of(first))).isInstanceOf(TransientAdapterException.class);

        // when
        WriteResult retry = writer.write(List.of(retried(first)));

        // then
        assertThat(retry.outcomes().get(first.key())).isInstanceOf(WriteOutcome.Written.class);
        assertThat(simulator.notesFor("ann@example.com")).hasSize(1);
    }

    @Test
    void failedSearchOnRetryCreatesNothing() {
        // given
        simulator.failNext("notes/search", 1, 503);

        // when / then
        assertThatThrownBy(() -> writer.write(List.of(retried(note("ann@example.com", "reply-9")))))
                .isInstanceOf(TransientAdapterException.class);
        assertThat(simulator.noteCount()).isZero();
    }

    @Test
    void firstAttemptDoesNotSearch() {
        // when
        writer.write(List.of(note("ann@example.com", "reply-1")));

        // then
        assertThat(simulator.requestsByOperation()).doesNotContainKey("notes/search");
    }

    @Test
    void twoItemsWithOneKeyShareOneNote() {
        // given
        OutboundItem a = note("ann@example.com", "reply-5");
        OutboundItem b = new OutboundItem("duplicate-of-a", a.command(), 0);

        // when
        WriteResult result = writer.write(List.of(a, b));

        // then
        assertThat(simulator.noteCount()).isEqualTo(1);
        assertThat(result.outcomes().get("duplicate-of-a")).isEqualTo(result.outcomes().get(a.key()));
    }
}
