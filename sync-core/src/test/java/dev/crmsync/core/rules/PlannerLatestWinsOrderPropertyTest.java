package dev.crmsync.core.rules;

import static dev.crmsync.core.rules.TestMappings.ANN;
import static dev.crmsync.core.rules.TestMappings.HUBSPOT;
import static dev.crmsync.core.rules.TestMappings.INSTANTLY;
import static dev.crmsync.core.rules.TestMappings.T;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.mapping.ConflictRule;
import dev.crmsync.core.mapping.FieldGroup;
import dev.crmsync.core.mapping.FieldMapping;
import dev.crmsync.core.mapping.Flow;
import dev.crmsync.core.mapping.Mapping;
import dev.crmsync.core.mapping.Ownership;
import dev.crmsync.core.model.CanonicalChange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** For a latest-wins field edited in two systems, the final state is the same under any delivery order. */
class PlannerLatestWinsOrderPropertyTest {

    /** custom.note in Instantly and note in HubSpot, mapped both ways, latest-wins. */
    static Mapping mapping() {
        return new Mapping("latest-wins", Set.of(INSTANTLY, HUBSPOT), List.of(), Map.of(), List.of(), List.of())
                .withOwnership(new Ownership(List.of(new FieldGroup("notes", Set.of(INSTANTLY, HUBSPOT),
                        List.of(Flow.parse("instantly->hubspot"), Flow.parse("hubspot->instantly")),
                        Optional.of(ConflictRule.latestWins()),
                        Map.of(INSTANTLY, Set.of("custom.note"), HUBSPOT, Set.of("note"))))))
                .withFieldMappings(List.of(new FieldMapping(INSTANTLY, "custom.note", HUBSPOT, "note", List.of()),
                        new FieldMapping(HUBSPOT, "note", INSTANTLY, "custom.note", List.of())));
    }

    /** Edits with distinct values; times from a narrow range, so ties happen. */
    @Provide
    Arbitrary<List<CanonicalChange>> edits() {
        return Arbitraries.integers().between(0, 39).list().ofMinSize(1).ofMaxSize(12).map(times -> {
            List<CanonicalChange> edits = new ArrayList<>();
            for (int i = 0; i < times.size(); i++) {
                boolean inInstantly = times.get(i) % 2 == 0;
                edits.add(CanonicalChange.of(inInstantly ? INSTANTLY : HUBSPOT, ANN, "edited", T.plusSeconds(times.get(i) / 2))
                        .withFields(Map.of(inInstantly ? "custom.note" : "note", "v" + i)));
            }
            return edits;
        });
    }

    @Property(tries = 500)
    void finalStateIsTheLatestObservationWhateverTheDeliveryOrder(@ForAll("edits") List<CanonicalChange> edits,
                                                                   @ForAll long seed) {
        List<CanonicalChange> shuffled = new ArrayList<>(edits);
        Collections.shuffle(shuffled, new Random(seed));
        String latest = edits.stream().max(Comparator.comparing(CanonicalChange::observedAt)
                .thenComparing(c -> c.fields().values().iterator().next())).orElseThrow().fields().values().iterator().next();

        assertThat(finalState(shuffled)).isEqualTo(finalState(edits)).isEqualTo(Map.of(
                "hubspot|" + ANN.email() + "|note", latest, "instantly|" + ANN.email() + "|custom.note", latest));
    }

    private static Map<String, String> finalState(List<CanonicalChange> changes) {
        SnapshotFieldStateStore states = new SnapshotFieldStateStore();
        Planner planner = new Planner(mapping(), states);
        changes.forEach(c -> planner.plan(c, Set.of(INSTANTLY, HUBSPOT)));
        return states.visibleValues();
    }
}
