package dev.crmsync.core.rules;

import static dev.crmsync.core.rules.TestMappings.ALL;
import static dev.crmsync.core.rules.TestMappings.HUBSPOT;
import static dev.crmsync.core.rules.TestMappings.INSTANTLY;
import static dev.crmsync.core.rules.TestMappings.T;
import static dev.crmsync.core.rules.TestMappings.instantly;
import static dev.crmsync.core.rules.TestMappings.upserted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.mapping.Effect;
import dev.crmsync.core.mapping.Mapping;
import dev.crmsync.core.mapping.StatusRule;
import dev.crmsync.core.mapping.SuppressionRule;
import dev.crmsync.core.mapping.Trigger;
import dev.crmsync.core.model.Decision;
import dev.crmsync.core.port.InMemoryFieldStateStore;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A suppression rule whose {@code set} names the system the change came from (an Instantly unsubscribe
 * onto Instantly's own block list): the one write back to a change's source.
 */
class PlannerSourceSuppressionTest {
    private static final Mapping MAPPING = new Mapping("test", ALL,
            List.of(new StatusRule("interested", Map.of(INSTANTLY, new Trigger(List.of("lead_interested"), Map.of())),
                    Map.of(INSTANTLY, Effect.set(Map.of("interest_value", "1")),
                            HUBSPOT, Effect.set(Map.of("lifecyclestage", "salesqualifiedlead"))))),
            Map.of(), List.of(),
            List.of(new SuppressionRule(INSTANTLY, new Trigger(List.of("lead_unsubscribed"), Map.of()), "unsubscribed",
                    Map.of(HUBSPOT, Effect.set(Map.of("sync_do_not_contact", "true")),
                            INSTANTLY, Effect.set(Map.of("blocklisted", "true"))))));

    private final Planner planner = new Planner(MAPPING, new InMemoryFieldStateStore());

    @Test
    void unsubscribeFromInstantlyBlocksThePersonInInstantlyAndInTheCrm() {
        // given a mapping whose unsubscribe rule names Instantly itself
        // when Instantly reports an unsubscribe
        Plan plan = planner.plan(instantly("lead_unsubscribed", T), ALL);

        // then the block list and the CRM flag are both written
        assertThat(upserted(plan, INSTANTLY)).isEqualTo(Map.of("blocklisted", "true"));
        assertThat(upserted(plan, HUBSPOT)).isEqualTo(Map.of("sync_do_not_contact", "true"));
        assertThat(plan.decisions()).filteredOn(d -> d.target().equals(INSTANTLY) && d.subject().equals("blocklisted"))
                .extracting(Decision::outcome).containsExactly("applied");
    }

    @Test
    void aSecondUnsubscribeDoesNotWriteTheBlockListAgain() {
        // given a person already blocked by an earlier unsubscribe
        planner.plan(instantly("lead_unsubscribed", T), ALL);

        // when Instantly reports another unsubscribe later
        Plan again = planner.plan(instantly("lead_unsubscribed", T.plusSeconds(60)), ALL);

        // then nothing is written anywhere: the entry is already there
        assertThat(upserted(again, INSTANTLY)).isEmpty();
        assertThat(upserted(again, HUBSPOT)).isEmpty();
    }

    @Test
    void sourceThatIsNotAConnectedTargetIsNotWritten() {
        // when Instantly reports an unsubscribe but only HubSpot can be written
        Plan plan = planner.plan(instantly("lead_unsubscribed", T), Set.of(HUBSPOT));

        // then only HubSpot is planned
        assertThat(upserted(plan, INSTANTLY)).isEmpty();
        assertThat(upserted(plan, HUBSPOT)).isEqualTo(Map.of("sync_do_not_contact", "true"));
    }

    @Test
    void statusNamingItsSourceIsStillNeverWrittenBack() {
        // when Instantly reports an interest label whose status also sets Instantly's interest value
        Plan plan = planner.plan(instantly("lead_interested", T), ALL);

        // then only the other system is written: a status never echoes to its source
        assertThat(upserted(plan, INSTANTLY)).isEmpty();
        assertThat(upserted(plan, HUBSPOT)).isEqualTo(Map.of("lifecyclestage", "salesqualifiedlead"));
    }
}
