package dev.crmsync.adapter.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.spi.ParsedEvent;
import dev.crmsync.core.spi.RecordSource;
import dev.crmsync.core.spi.Translation;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contacts for backfill: every contact changed since a date, past HubSpot's 10,000-results-per-search cap. */
class HubSpotContactSourceIT {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static HubSpotSimulator simulator;
    private HubSpotAdapter adapter;
    private RecordSource source;

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
        simulator.setRateLimit(100_000, Duration.ofSeconds(10));
        adapter = AdapterFixture.adapter(simulator, Map.of());
        ((HubSpotMappedFields) adapter.mappingObserver().orElseThrow()).use(Set.of("firstname", "lifecyclestage"));
        source = adapter.recordSource().orElseThrow();
    }

    @Test
    void readsAllOf25000ContactsThroughWindowsUnderTheCap() {
        // given: 25,000 contacts modified a minute apart
        for (int i = 0; i < 25_000; i++) {
            simulator.importContact("p" + i + "@example.com", Map.of("firstname", "P" + i), START.plusSeconds(60L * i));
        }

        // when
        Set<String> emails = new HashSet<>();
        int pages = 0;
        String cursor = null;
        do {
            RecordSource.Page page = source.page(new RecordSource.Query(START, List.of(), 200), cursor);
            page.records().forEach(r -> emails.add(r.email()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 1_000);

        // then: every contact, once, and HubSpot never had to refuse a page past its cap
        assertThat(emails).hasSize(25_000);
        assertThat(simulator.requestsByOperation().get("contacts/search")).isLessThan(200);
    }

    @Test
    void onlyContactsChangedSinceTheDateAreRead() {
        simulator.importContact("old@example.com", Map.of(), START.minusSeconds(1));
        simulator.importContact("new@example.com", Map.of(), START);

        RecordSource.Page page = source.page(new RecordSource.Query(START, List.of(), 100), null);

        assertThat(page.records()).extracting(ParsedEvent::email).containsExactly("new@example.com");
        assertThat(page.last()).isTrue();
    }

    @Test
    void aSnapshotTranslatesIntoTheChangeARepsEditsWouldGive() {
        // given
        simulator.importContact("ann@example.com", Map.of("firstname", "Ann", "lifecyclestage", "opportunity",
                "jobtitle", "CTO"), START.plusSeconds(5));
        ParsedEvent snapshot = source.page(new RecordSource.Query(START, List.of(), 10), null).records().get(0);

        // when
        Translation translation = adapter.eventTranslator().orElseThrow().translate(snapshot.eventType(),
                snapshot.payload());

        // then: the properties the mapping reads, from HubSpot, as a rep's change at lastmodifieddate
        assertThat(snapshot.eventType()).isEqualTo("contact.snapshot");
        CanonicalChange change = ((Translation.Translated) translation).changes().get(0);
        assertThat(change.source().value()).isEqualTo("hubspot");
        assertThat(change.who().email()).isEqualTo("ann@example.com");
        assertThat(change.eventType()).isEqualTo("contact.propertyChange");
        assertThat(change.observedAt()).isEqualTo(START.plusSeconds(5));
        assertThat(change.fields()).containsExactlyInAnyOrderEntriesOf(Map.of("firstname", "Ann",
                "lifecyclestage", "opportunity"));
        assertThat(change.attributes()).containsEntry("origin", "rep");
    }

    @Test
    void readingAnUnchangedContactAgainGivesTheSameKey() {
        simulator.importContact("ann@example.com", Map.of(), START.plusSeconds(5));

        String first = source.page(new RecordSource.Query(START, List.of(), 10), null).records().get(0).dedupKey();
        String again = source.page(new RecordSource.Query(START, List.of(), 10), null).records().get(0).dedupKey();

        assertThat(again).isEqualTo(first);
    }
}
