package dev.crmsync.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.model.Activity;
import dev.crmsync.core.model.Command;
import dev.crmsync.core.model.Identity;
import dev.crmsync.core.model.SystemId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoalescerTest {
    private static final SystemId HUBSPOT = SystemId.of("hubspot");
    private static final Identity ANN = Identity.ofEmail("ann@acme.example");
    private static final Identity BOB = Identity.ofEmail("bob@acme.example");
    private static final Instant T = Instant.parse("2026-11-01T10:00:00Z");

    private static Coalescer.Pending upsert(long id, Identity who, Map<String, String> fields, Instant at) {
        return new Coalescer.Pending(id, new Command.Upsert(HUBSPOT, who, fields, at));
    }

    private static Coalescer.Pending note(long id, Identity who, String key) {
        return new Coalescer.Pending(id, new Command.AddActivity(HUBSPOT, who,
                new Activity("note", key, "Reply", "text", T, Map.of())));
    }

    @Test
    void mergesUpsertsForOnePersonWithLaterValuesWinning() {
        List<Coalescer.Coalesced> merged = Coalescer.coalesce(List.of(
                upsert(1, ANN, Map.of("lifecyclestage", "lead", "hs_lead_status", "CONNECTED"), T),
                upsert(2, BOB, Map.of("lifecyclestage", "lead"), T),
                upsert(3, ANN, Map.of("lifecyclestage", "opportunity"), T.plusSeconds(5))));
        assertThat(merged).hasSize(2);
        Coalescer.Coalesced ann = merged.get(0);
        assertThat(ann.ids()).containsExactly(1L, 3L);
        Command.Upsert upsert = (Command.Upsert) ann.command();
        assertThat(upsert.fields()).containsEntry("lifecyclestage", "opportunity").containsEntry("hs_lead_status", "CONNECTED");
        assertThat(upsert.observedAt()).isEqualTo(T.plusSeconds(5));
    }

    @Test
    void aFieldThatMovedBackIsStillClearedFirstAfterMerging() {
        List<Coalescer.Coalesced> merged = Coalescer.coalesce(List.of(
                new Coalescer.Pending(1, new Command.Upsert(HUBSPOT, ANN, Map.of("lifecyclestage", "lead"), T,
                        java.util.Set.of("lifecyclestage"))),
                upsert(2, ANN, Map.of("lifecyclestage", "salesqualifiedlead", "hs_lead_status", "OPEN"),
                        T.plusSeconds(5))));
        Command.Upsert upsert = (Command.Upsert) merged.get(0).command();
        assertThat(upsert.fields()).containsEntry("lifecyclestage", "salesqualifiedlead");
        assertThat(upsert.clearFirst()).containsExactly("lifecyclestage");
    }

    @Test
    void keepsDifferentActivitiesApartAndCollapsesTheSameKey() {
        List<Coalescer.Coalesced> merged = Coalescer.coalesce(List.of(note(1, ANN, "r-1"), note(2, ANN, "r-2"),
                note(3, ANN, "r-1")));
        assertThat(merged).extracting(Coalescer.Coalesced::ids)
                .containsExactly(List.of(1L, 3L), List.of(2L));
    }

    @Test
    void emailsThatDifferOnlyInCaseAreOnePerson() {
        List<Coalescer.Coalesced> merged = Coalescer.coalesce(List.of(
                upsert(1, Identity.ofEmail(" Ann@Acme.example"), Map.of("a", "1"), T),
                upsert(2, ANN, Map.of("b", "2"), T)));
        assertThat(merged).hasSize(1);
    }
}
