package dev.crmsync.adapter.instantly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.spi.ParsedEvent;
import dev.crmsync.core.spi.RecordSource;
import dev.crmsync.core.spi.Translation;
import dev.crmsync.testkit.instantly.InstantlySimulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InstantlyRecordSourceIT {
    private InstantlySimulator simulator;
    private InstantlyClient client;
    private RecordSource source;

    @BeforeEach
    void start() {
        simulator = InstantlySimulator.start();
        client = WriterFixture.client(simulator, new RecordingRateBudget());
        source = new InstantlyRecordSource(client);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void pagesThroughTheChosenCampaignsOnlyAndEndsWithNoCursor() {
        // given
        String q1 = simulator.addCampaign("Q1");
        String q2 = simulator.addCampaign("Q2");
        String other = simulator.addCampaign("other");
        for (int i = 0; i < 5; i++) {
            simulator.addLead("q1-" + i + "@example.com", q1);
            simulator.addLead("q2-" + i + "@example.com", q2);
            simulator.addLead("other-" + i + "@example.com", other);
        }

        // when
        List<String> emails = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RecordSource.Page page = source.page(new RecordSource.Query(null, List.of(q1, q2), 2), cursor);
            page.records().forEach(r -> emails.add(r.email()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        // then
        assertThat(emails).hasSize(10).allMatch(e -> e.startsWith("q1-") || e.startsWith("q2-")).doesNotHaveDuplicates();
        assertThat(pages).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aPageCursorResumesWhereThePreviousPageEnded() {
        // given
        String q1 = simulator.addCampaign("Q1");
        for (int i = 0; i < 4; i++) {
            simulator.addLead("lead-" + i + "@example.com", q1);
        }
        RecordSource.Query query = new RecordSource.Query(null, List.of(), 2);
        RecordSource.Page first = source.page(query, null);

        // when
        RecordSource.Page again = source.page(query, first.nextCursor());

        // then
        assertThat(first.records()).extracting(ParsedEvent::email).containsExactly("lead-0@example.com",
                "lead-1@example.com");
        assertThat(again.records()).extracting(ParsedEvent::email).containsExactly("lead-2@example.com",
                "lead-3@example.com");
    }

    @Test
    void aSnapshotTranslatesToTheChangeItsStatusEventWouldGive() {
        // given
        String q1 = simulator.addCampaign("Q1");
        simulator.addLead("ann@example.com", q1);
        client.updateInterestStatus("ann@example.com", 1);
        ParsedEvent snapshot = source.page(new RecordSource.Query(null, List.of(), 10), null).records().get(0);

        // when
        Translation translation = new InstantlyEventTranslator().translate(snapshot.eventType(), snapshot.payload());

        // then
        assertThat(snapshot.eventType()).isEqualTo("lead.snapshot");
        assertThat(translation).isInstanceOfSatisfying(Translation.Translated.class, t -> {
            CanonicalChange change = t.changes().get(0);
            assertThat(change.eventType()).isEqualTo("lead_interested");
            assertThat(change.who().email()).isEqualTo("ann@example.com");
            assertThat(change.attributes()).containsEntry("interest_value", "1");
        });
    }
}
