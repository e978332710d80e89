package dev.crmsync.adapter.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.port.IdentityLookup;
import dev.crmsync.core.spi.ChangeFeed;
import dev.crmsync.core.spi.ParsedEvent;
import dev.crmsync.core.spi.Translation;
import dev.crmsync.testkit.salesforce.SalesforceSimulator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SalesforceChangeFeedIT {
    private SalesforceSimulator simulator;

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void recordsSharingOneModstampArePagedWithoutSkipsOrRepeats() {
        // given: five Leads written in the same second
        Instant stamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);
        simulator = SalesforceSimulator.start(0, Clock.fixed(stamp, ZoneOffset.UTC));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(simulator.addLead(Map.of("Email", "p" + i + "@example.com", "LastName", "P", "Company", "C")));
        }
        ChangeFeed feed = feed(Map.of());

        // when
        ChangeFeed.Page first = feed.poll(stamp.minusSeconds(1) + "|", 2);
        ChangeFeed.Page second = feed.poll(first.nextCursor(), 2);
        ChangeFeed.Page third = feed.poll(second.nextCursor(), 2);

        // then
        assertThat(first.more()).isTrue();
        assertThat(second.more()).isTrue();
        assertThat(third.more()).isFalse();
        List<String> seen = new ArrayList<>();
        for (ChangeFeed.Page page : List.of(first, second, third)) {
            page.events().forEach(e -> seen.add(recordId(e)));
        }
        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(first.events()).allSatisfy(e -> assertThat(e.eventType()).isEqualTo("Lead.updated"));
        assertThat(first.events().get(0).occurredAt()).isEqualTo(stamp);
    }

    @Test
    void aRecordCommittedLateWithAnEarlierModstampIsFoundWithinTheOverlap() {
        // given
        simulator = SalesforceSimulator.start();
        String late = simulator.addLead(Map.of("Email", "late@example.com", "LastName", "L", "Company", "C"));
        String early = simulator.addLead(Map.of("Email", "early@example.com", "LastName", "E", "Company", "C"));
        ChangeFeed feed = feed(Map.of("poll-overlap-ms", "120000"));
        ChangeFeed.Page first = feed.poll(null, 100);
        Instant seenUpTo = first.events().get(first.events().size() - 1).occurredAt();

        // when: an edit that started 30 s before commits only now
        simulator.repEditCommittedLate(late, Map.of("Status", "Working - Contacted"), seenUpTo.minusSeconds(30));
        ChangeFeed.Page second = feed.poll(first.nextCursor(), 100);

        // then
        assertThat(second.events()).anySatisfy(e -> {
            assertThat(recordId(e)).isEqualTo(late);
            assertThat(new String(e.payload())).contains("Working - Contacted");
        });
        List<String> firstKeys = first.events().stream().map(ParsedEvent::dedupKey).toList();
        assertThat(second.events()).filteredOn(e -> recordId(e).equals(early))
                .allSatisfy(e -> assertThat(firstKeys).contains(e.dedupKey()));
    }

    @Test
    void aDeletedRecordBecomesADeletedEventTheTranslatorNamesThroughTheLinks() {
        // given
        simulator = SalesforceSimulator.start();
        String id = simulator.addLead(Map.of("Email", "gone@example.com", "LastName", "G", "Company", "C"));
        SalesforceAdapter adapter = SalesforceFixture.adapter(simulator, Map.of());
        ChangeFeed.Page before = adapter.changeFeed().orElseThrow().poll(null, 100);

        // when
        simulator.repDelete(id);
        ChangeFeed.Page after = adapter.changeFeed().orElseThrow().poll(before.nextCursor(), 100);

        // then
        ParsedEvent deleted = after.events().stream().filter(e -> e.eventType().equals("Lead.deleted")).findFirst()
                .orElseThrow();
        assertThat(deleted.dedupKey()).isEqualTo("sf:" + id + ":deleted");
        IdentityLookup links = (system, externalId) -> externalId.equals(id) ? Optional.of("gone@example.com")
                : Optional.empty();
        Translation translation = adapter.eventTranslator().orElseThrow()
                .translate(deleted.eventType(), deleted.payload(), links);
        assertThat(translation).isInstanceOfSatisfying(Translation.Translated.class, t -> {
            CanonicalChange change = t.changes().get(0);
            assertThat(change.who().email()).isEqualTo("gone@example.com");
            assertThat(change.fields()).isEmpty();
        });
    }

    @Test
    void pollingAgainRepeatsOnlyKeysAlreadySeenAndANewEditGetsANewKey() {
        // given
        simulator = SalesforceSimulator.start();
        String id = simulator.addLead(Map.of("Email", "ann@example.com", "LastName", "A", "Company", "C"));
        ChangeFeed feed = feed(Map.of());
        ChangeFeed.Page first = feed.poll(null, 100);

        // when
        ChangeFeed.Page again = feed.poll(first.nextCursor(), 100);
        simulator.repEdit(id, Map.of("Status", "Working - Qualified"));
        ChangeFeed.Page edited = feed.poll(again.nextCursor(), 100);

        // then
        List<String> firstKeys = first.events().stream().map(ParsedEvent::dedupKey).toList();
        assertThat(again.events()).extracting(ParsedEvent::dedupKey).isSubsetOf(firstKeys);
        assertThat(edited.events()).extracting(ParsedEvent::dedupKey).anySatisfy(key -> {
            assertThat(key).startsWith("sf:" + id + ":");
            assertThat(firstKeys).doesNotContain(key);
        });
    }

    @Test
    void ourOwnWritesComeBackAsOursAndARepsEditAsTheReps() {
        // given
        simulator = SalesforceSimulator.start();
        SalesforceAdapter adapter = SalesforceFixture.adapter(simulator, Map.of());
        adapter.commandWriter().orElseThrow().write(List.of(SalesforceFixture.upsert("ann@example.com",
                Map.of("Status", "Working - Contacted"))));
        ChangeFeed.Page ours = adapter.changeFeed().orElseThrow().poll(null, 100);
        String id = simulator.leadByEmail("ann@example.com").orElseThrow().id();

        // when
        simulator.repEdit(id, Map.of("Status", "Working - Meeting Set"));
        ChangeFeed.Page theirs = adapter.changeFeed().orElseThrow().poll(ours.nextCursor(), 100);

        // then
        assertThat(origin(adapter, ours.events().get(0))).isEqualTo("ours");
        ParsedEvent repEvent = theirs.events().stream().filter(e -> new String(e.payload()).contains("Meeting Set"))
                .findFirst().orElseThrow();
        assertThat(origin(adapter, repEvent)).isEqualTo("rep");
        CanonicalChange change = ((Translation.Translated) adapter.eventTranslator().orElseThrow()
                .translate(repEvent.eventType(), repEvent.payload())).changes().get(0);
        assertThat(change.fields()).containsEntry("Status", "Working - Meeting Set");
        assertThat(change.who().email()).isEqualTo("ann@example.com");
    }

    private ChangeFeed feed(Map<String, String> overrides) {
        return SalesforceFixture.adapter(simulator, overrides).changeFeed().orElseThrow();
    }

    private static String origin(SalesforceAdapter adapter, ParsedEvent event) {
        Translation translation = adapter.eventTranslator().orElseThrow().translate(event.eventType(), event.payload());
        return ((Translation.Translated) translation).changes().get(0).attributes().get("origin");
    }

    private static String recordId(ParsedEvent event) {
        return event.dedupKey().split(":")[1];
    }
}
