package dev.crmsync.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.port.FieldState;
import dev.crmsync.core.port.FieldStateStore;
import dev.crmsync.core.port.InMemoryFieldStateStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever order events arrive in, and however often, the fields end up the same. */
class PlannerOrderPropertyTest {
    private static final List<String> TYPES = List.of("reply_received", "lead_interested", "lead_meeting_booked",
            "lead_out_of_office");

    @Provide
    Arbitrary<List<CanonicalChange>> histories() {
        return Arbitraries.integers().between(0, TYPES.size() * 50 - 1)
                .map(n -> PlannerTest.change(TYPES.get(n % TYPES.size()), PlannerTest.T.plusSeconds(n / TYPES.size())))
                .list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 300)
    void finalStateDoesNotDependOnDeliveryOrderOrDuplicates(@ForAll("histories") List<CanonicalChange> history,
                                                             @ForAll long seed) {
        List<CanonicalChange> shuffled = new ArrayList<>(history);
        shuffled.addAll(history.subList(0, history.size() / 2));
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(finalState(shuffled)).isEqualTo(finalState(history));
    }

    private static List<String> finalState(List<CanonicalChange> changes) {
        FieldStateStore states = new InMemoryFieldStateStore();
        Planner planner = new Planner(PlannerTest.mapping(), states);
        changes.forEach(c -> planner.plan(c, Set.of(PlannerTest.HUBSPOT)));
        List<String> state = new ArrayList<>();
        for (String field : List.of("lifecyclestage", "hs_lead_status")) {
            state.add(states.get(SystemId.of("hubspot"), "ann@acme.example", field).map(FieldState::value).orElse("-"));
        }
        return state;
    }
}
