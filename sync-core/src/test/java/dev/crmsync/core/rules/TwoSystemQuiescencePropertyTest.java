package dev.crmsync.core.rules;

import static dev.crmsync.core.rules.TestMappings.HUBSPOT;
import static dev.crmsync.core.rules.TestMappings.INSTANTLY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.model.SystemId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Two systems edited at random with the engine between them, each write reported back by the
 * system that received it as a webhook would (Instantly with a snapshot of all custom variables):
 * <ul>
 *   <li>when each edit settles before the next, the systems go quiet with at most one cross-system
 *       write per real edit, and agree on every field (an owned field: unless last edited by the
 *       non-owner, which does not flow);</li>
 *   <li>when people edit while writes are in flight, they still go quiet, with at most two writes per
 *       real edit: a snapshot taken before our write landed can carry a racing edit with a later time
 *       than the other side's, and then wins once more by the latest-wins rule.</li>
 * </ul>
 */
class TwoSystemQuiescencePropertyTest {
    private static final int LIMIT = 2_000;
    private static final Map<String, String> STAGE_OF_INTEREST = Map.of("1", "salesqualifiedlead", "2", "opportunity");

    record Edit(SystemId system, int field, String value) {
        String fieldName() {
            return TwoSystemSimulation.FIELDS.get(system).get(field);
        }

        String written() {
            if (field < 4) {
                return value;
            }
            String interest = value.equals("x") ? "1" : "2";
            return system.equals(INSTANTLY) ? interest : STAGE_OF_INTEREST.get(interest);
        }
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        return Combinators.combine(Arbitraries.of(INSTANTLY, HUBSPOT), Arbitraries.integers().between(0, 4),
                Arbitraries.of("x", "y", "z")).as(Edit::new).list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 400)
    void editsThatSettleOneAtATimeConvergeWithOneWriteEach(@ForAll("edits") List<Edit> edits, @ForAll long seed) {
        Random random = new Random(seed);
        TwoSystemSimulation simulation = new TwoSystemSimulation();
        Map<String, SystemId> lastEditor = new HashMap<>();

        for (Edit edit : edits) {
            if (simulation.edit(edit.system(), edit.fieldName(), edit.written())) {
                lastEditor.put(TwoSystemSimulation.FIELDS.get(HUBSPOT).get(edit.field()), edit.system());
            }
            assertThat(simulation.settle(random::nextInt, LIMIT)).as(simulation.describe()).isTrue();
        }

        assertThat(simulation.writes()).as(simulation.describe()).isLessThanOrEqualTo(simulation.edits());
        Map<String, String> instantly = simulation.system(INSTANTLY).fields();
        Map<String, String> hubspot = simulation.system(HUBSPOT).fields();
        assertThat(hubspot.get("a")).as(simulation.describe()).isEqualTo(instantly.get("custom.a"));
        assertThat(hubspot.get("b")).as(simulation.describe()).isEqualTo(instantly.get("custom.b"));
        String interest = instantly.get(SimulatedSystem.INTEREST);
        assertThat(hubspot.get("lifecyclestage")).as(simulation.describe())
                .isEqualTo(interest == null ? null : STAGE_OF_INTEREST.get(interest));
        if (!Objects.equals(lastEditor.get("c"), HUBSPOT)) {
            assertThat(hubspot.get("c")).as("Instantly owns c: " + simulation.describe()).isEqualTo(instantly.get("custom.c"));
        }
        if (!Objects.equals(lastEditor.get("d"), INSTANTLY)) {
            assertThat(instantly.get("custom.d")).as("HubSpot owns d: " + simulation.describe()).isEqualTo(hubspot.get("d"));
        }
    }

    @Property(tries = 400)
    void editsMadeWhileWritesAreInFlightStillGoQuiet(@ForAll("edits") List<Edit> edits, @ForAll long seed) {
        Random random = new Random(seed);
        TwoSystemSimulation simulation = new TwoSystemSimulation();

        int next = 0;
        while (next < edits.size()) {
            if (random.nextInt(3) == 0 || !simulation.serve(random::nextInt)) {
                Edit edit = edits.get(next++);
                simulation.edit(edit.system(), edit.fieldName(), edit.written());
            }
        }

        assertThat(simulation.settle(random::nextInt, LIMIT)).as(simulation.describe()).isTrue();
        assertThat(simulation.writes()).as(simulation.describe()).isLessThanOrEqualTo(2 * simulation.edits());
    }
}
