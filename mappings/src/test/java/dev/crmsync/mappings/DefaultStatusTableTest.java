package dev.crmsync.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.crmsync.core.mapping.Effect;
import dev.crmsync.core.mapping.Mapping;
import dev.crmsync.core.mapping.StatusRule;
import dev.crmsync.core.model.Command;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.port.InMemoryFieldStateStore;
import dev.crmsync.core.rules.Plan;
import dev.crmsync.core.rules.Planner;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default mapping reproduces the status table in DESIGN.md ("Default status mapping"). */
class DefaultStatusTableTest {
    private static final SystemId INSTANTLY = SystemId.of("instantly");
    private static final SystemId HUBSPOT = SystemId.of("hubspot");
    private static final SystemId SALESFORCE = SystemId.of("salesforce");

    private static final Mapping DEFAULT = new MappingLoader().loadDefault();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # Instantly event        | status            | HubSpot                                            | Salesforce                     | Instantly interest
            lead_interested          | interested        | lifecyclestage=salesqualifiedlead                  | Status=Working - Contacted      | interest_value=1
            lead_meeting_booked      | meeting_booked    | lifecyclestage=opportunity                         | Status=Working - Meeting Set   | interest_value=2, sequence=stopped
            lead_meeting_completed   | meeting_completed | lifecyclestage=opportunity                         | Status=Working - Qualified     | interest_value=3
            lead_not_interested      | not_interested    | lifecyclestage=other, sync_lost_reason=Not interested | Status=Closed - Not Interested | interest_value=-1
            lead_out_of_office       | out_of_office     | no-change                                          | retry-later                    | interest_value=0
            lead_wrong_person        | wrong_person      | hs_lead_status=UNQUALIFIED                         | Status=Closed - Disqualified   | interest_value=-2
            reply_received           | replied           | hs_lead_status=CONNECTED, lifecyclestage=lead      | (none)                         | (none)
            """)
    void instantlyStatusHasTheDesignedEffectInEachSystem(String event, String status, String hubspot, String salesforce,
                                                         String instantly) {
        StatusRule rule = DEFAULT.statusOf(DefaultMappingTest.change(event, Map.of())).orElseThrow();

        assertThat(rule.name()).isEqualTo(status);
        assertThat(describe(rule.effectOn(HUBSPOT))).isEqualTo(hubspot);
        assertThat(describe(rule.effectOn(SALESFORCE))).isEqualTo(salesforce);
        assertThat(describe(rule.effectOn(INSTANTLY))).isEqualTo(instantly);
    }

    @Test
    void eventTheTableDoesNotNameHasNoStatus() {
        assertThat(DEFAULT.statusOf(DefaultMappingTest.change("email_opened", Map.of()))).isEmpty();
    }

    @Test
    void plannerTurnsMeetingBookedIntoUpsertsForBothCrms() {
        Planner planner = new Planner(DEFAULT, new InMemoryFieldStateStore());

        Plan plan = planner.plan(DefaultMappingTest.change("lead_meeting_booked", Map.of()), Set.of(INSTANTLY, HUBSPOT, SALESFORCE));

        assertThat(plan.commands()).filteredOn(Command.Upsert.class::isInstance).map(Command.Upsert.class::cast)
                .extracting(Command.Upsert::target, Command.Upsert::fields)
                .containsExactlyInAnyOrder(
                        tuple(HUBSPOT, Map.of("lifecyclestage", "opportunity")),
                        tuple(SALESFORCE, Map.of("Status", "Working - Meeting Set")));
    }

    /** One line per effect, as the table writes it: sorted field=value pairs, or the keyword. */
    private static String describe(Optional<Effect> effect) {
        if (effect.isEmpty()) {
            return "(none)";
        }
        if (effect.get() instanceof Effect.SetFields set) {
            return new TreeMap<>(set.fields()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "));
        }
        return effect.get() instanceof Effect.NoChange ? "no-change" : "retry-later";
    }
}
