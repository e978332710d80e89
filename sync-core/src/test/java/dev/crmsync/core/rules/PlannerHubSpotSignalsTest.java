package dev.crmsync.core.rules;

import static dev.crmsync.core.rules.PlannerTest.HUBSPOT;
import static dev.crmsync.core.rules.PlannerTest.INSTANTLY;
import static dev.crmsync.core.rules.PlannerTest.T;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.mapping.ActivityRule;
import dev.crmsync.core.mapping.Effect;
import dev.crmsync.core.mapping.FieldRule;
import dev.crmsync.core.mapping.Mapping;
import dev.crmsync.core.mapping.StatusRule;
import dev.crmsync.core.mapping.Trigger;
import dev.crmsync.core.model.Activity;
import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.Command;
import dev.crmsync.core.model.Decision;
import dev.crmsync.core.model.Identity;
import dev.crmsync.core.port.InMemoryFieldStateStore;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a source says about a change itself: our own write, a deleted record; and stages moving back. */
class PlannerHubSpotSignalsTest {
    private static final String ANN = "ann@acme.example";
    private static final List<String> STAGES = List.of("lead", "salesqualifiedlead", "opportunity", "customer");

    private static Mapping mapping(FieldRule stageRule) {
        return new Mapping("test", Set.of(INSTANTLY, HUBSPOT), List.of(
                new StatusRule("interested", Map.of(INSTANTLY, new Trigger(List.of("lead_interested"), Map.of()),
                        HUBSPOT, new Trigger(List.of(), Map.of("lifecyclestage", "salesqualifiedlead"))),
                        Map.of(HUBSPOT, Effect.set(Map.of("lifecyclestage", "salesqualifiedlead")),
                                INSTANTLY, Effect.set(Map.of("interest_value", "1")))),
                new StatusRule("meeting_booked", Map.of(INSTANTLY, new Trigger(List.of("lead_meeting_booked"), Map.of()),
                        HUBSPOT, new Trigger(List.of(), Map.of("lifecyclestage", "opportunity"))),
                        Map.of(HUBSPOT, Effect.set(Map.of("lifecyclestage", "opportunity")),
                                INSTANTLY, Effect.set(Map.of("interest_value", "2"))))),
                Map.of(HUBSPOT, Map.of("lifecyclestage", stageRule)),
                List.of(new ActivityRule(INSTANTLY, new Trigger(List.of("lead_meeting_booked"), Map.of()),
                        Map.of(HUBSPOT, "task"))),
                List.of());
    }

    private static CanonicalChange hubspot(Map<String, String> fields, Map<String, String> attributes) {
        return CanonicalChange.of(HUBSPOT, Identity.ofEmail(ANN), "contact.propertyChange", T).withFields(fields)
                .withAttributes(attributes);
    }

    @Test
    void aChangeTheSourceCallsOurOwnWriteGoesNoFurther() {
        Planner planner = new Planner(mapping(FieldRule.forwardOnly("lifecyclestage", STAGES)),
                new InMemoryFieldStateStore());

        Plan plan = planner.plan(hubspot(Map.of("lifecyclestage", "opportunity"),
                Map.of(CanonicalChange.ORIGIN, CanonicalChange.ORIGIN_OURS)), Set.of(INSTANTLY, HUBSPOT));

        assertThat(plan.commands()).isEmpty();
        assertThat(plan.decisions()).extracting(Decision::outcome).containsExactly("skipped-echo");
    }

    @Test
    void aDeletedRecordWritesNothingAnywhere() {
        Planner planner = new Planner(mapping(FieldRule.forwardOnly("lifecyclestage", STAGES)),
                new InMemoryFieldStateStore());

        Plan plan = planner.plan(hubspot(Map.of(), Map.of(CanonicalChange.RECORD, CanonicalChange.RECORD_DELETED)),
                Set.of(INSTANTLY, HUBSPOT));

        assertThat(plan.commands()).isEmpty();
        assertThat(plan.decisions()).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo("no-change");
            assertThat(d.subject()).isEqualTo("record");
        });
    }

    @Test
    void aNewerStatusBehindTheStageMovesItBackByClearingFirstWhenTheMappingAsks() {
        Planner planner = new Planner(mapping(FieldRule.movingBackByClearing("lifecyclestage", STAGES)),
                new InMemoryFieldStateStore());
        planner.plan(hubspot(Map.of("lifecyclestage", "customer"), Map.of()), Set.of(INSTANTLY, HUBSPOT));

        Plan plan = planner.plan(CanonicalChange.of(INSTANTLY, Identity.ofEmail(ANN), "lead_interested",
                T.plusSeconds(60)), Set.of(INSTANTLY, HUBSPOT));

        assertThat(plan.commands()).singleElement().isInstanceOfSatisfying(Command.Upsert.class, upsert -> {
            assertThat(upsert.fields()).containsEntry("lifecyclestage", "salesqualifiedlead");
            assertThat(upsert.clearFirst()).containsExactly("lifecyclestage");
        });
        assertThat(plan.decisions()).anySatisfy(d -> assertThat(d.reason())
                .contains("moves lifecyclestage back from 'customer'"));
    }

    @Test
    void aBookedMeetingThatOnlyEchoesOurWriteCreatesNoTask() {
        Planner planner = new Planner(mapping(FieldRule.forwardOnly("lifecyclestage", STAGES)),
                new InMemoryFieldStateStore());
        // a rep moved the contact to opportunity: Instantly gets interest value 2 from us
        planner.plan(hubspot(Map.of("lifecyclestage", "opportunity"), Map.of()), Set.of(INSTANTLY, HUBSPOT));
        Activity meeting = new Activity("task", "instantly-meeting:m-1", "Meeting booked", "", T, Map.of());

        Plan echo = planner.plan(CanonicalChange.of(INSTANTLY, Identity.ofEmail(ANN), "lead_meeting_booked",
                T.plusSeconds(5)).withActivities(List.of(meeting)), Set.of(INSTANTLY, HUBSPOT));

        assertThat(echo.commands()).isEmpty();
        assertThat(echo.decisions()).extracting(Decision::subject).contains("activity");
    }
}
