package dev.crmsync.core.rules;

import static dev.crmsync.core.rules.TestMappings.ALL;
import static dev.crmsync.core.rules.TestMappings.HUBSPOT;
import static dev.crmsync.core.rules.TestMappings.INSTANTLY;
import static dev.crmsync.core.rules.TestMappings.SALESFORCE;
import static dev.crmsync.core.rules.TestMappings.T;
import static dev.crmsync.core.rules.TestMappings.decisions;
import static dev.crmsync.core.rules.TestMappings.hubspot;
import static dev.crmsync.core.rules.TestMappings.instantly;
import static dev.crmsync.core.rules.TestMappings.upserted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.model.Decision;
import dev.crmsync.core.port.InMemoryFieldStateStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Source of truth per field group: who may write what, and how two writers are settled. */
class PlannerOwnershipTest {
    private final Planner planner = new Planner(TestMappings.full(), new InMemoryFieldStateStore());

    @Test
    void crmOwnedFieldChangedInInstantlyIsSkippedWithTheGroupAndItsFlows() {
        // given contact_info is owned by HubSpot, flowing hubspot->instantly only
        // when Instantly reports a job title, which a field mapping would copy to HubSpot
        Plan plan = planner.plan(instantly("lead_updated", T).withFields(Map.of("custom.job_title", "CTO")), ALL);

        // then nothing is written, and the trace says why
        assertThat(plan.commands()).isEmpty();
        assertThat(decisions(plan, HUBSPOT, "jobtitle")).singleElement().satisfies(d -> {
            assertThat(d).isInstanceOf(Decision.SkippedOwnership.class);
            assertThat(d.reason()).isEqualTo("hubspot.jobtitle is contact_info, owned by hubspot (flows:"
                    + " hubspot->instantly): a change from instantly does not write it");
        });
        assertThat(decisions(plan, INSTANTLY, "custom.job_title")).singleElement()
                .isInstanceOf(Decision.SkippedOwnership.class)
                .extracting(Decision::reason).asString().endsWith("a change made in instantly does not flow to other systems");
    }

    @Test
    void crmOwnedFieldFlowsFromTheCrmThroughItsTransform() {
        Plan plan = planner.plan(hubspot(T, "firstname", "  Ann "), ALL);

        assertThat(upserted(plan, INSTANTLY)).isEqualTo(Map.of("lead.first_name", "Ann"));
    }

    @Test
    void statusFromOneCrmDoesNotWriteTheOtherCrm() {
        Plan plan = planner.plan(hubspot(T, "lifecyclestage", "opportunity"), ALL);

        assertThat(upserted(plan, INSTANTLY)).isEqualTo(Map.of("interest_value", "2"));
        assertThat(upserted(plan, SALESFORCE)).isEmpty();
        assertThat(decisions(plan, SALESFORCE, "Status")).singleElement().isInstanceOf(Decision.SkippedOwnership.class);
    }

    @Test
    void ownerWinsByPriorityOverAnEditInTheTargetWhateverTheTimes() {
        // given Ann's first name as Instantly holds it, edited there later than HubSpot's change below
        planner.plan(instantly("lead_updated", T.plusSeconds(600)).withFields(Map.of("lead.first_name", "Annie")), ALL);

        // when HubSpot, the owner, reports its value observed earlier
        Plan plan = planner.plan(hubspot(T, "firstname", "Ann"), ALL);

        // then the owner wins by priority
        assertThat(upserted(plan, INSTANTLY)).isEqualTo(Map.of("lead.first_name", "Ann"));
        assertThat(decisions(plan, INSTANTLY, "lead.first_name")).singleElement().satisfies(d -> {
            assertThat(d).isInstanceOf(Decision.ConflictResolved.class);
            assertThat(((Decision.ConflictResolved) d).value()).isEqualTo("Ann");
            assertThat(d.reason()).isEqualTo("field hubspot.firstname: hubspot wins by priority over instantly");
        });
    }

    @Test
    void latestWinsGroupKeepsTheNewerObservationAndSaysSo() {
        // given a rep moved Ann to Opportunity at 10:02, which set Instantly's interest value to 2
        planner.plan(hubspot(T.plusSeconds(120), "lifecyclestage", "opportunity"), ALL);

        // when Instantly's "interested" from 10:01 arrives late
        Plan plan = planner.plan(instantly("lead_interested", T.plusSeconds(60)), ALL);

        // then HubSpot keeps its later stage (forward-only); only the score moves there
        assertThat(upserted(plan, HUBSPOT)).containsOnlyKeys("sync_engagement_score");
        assertThat(decisions(plan, HUBSPOT, "lifecyclestage")).singleElement().isInstanceOf(Decision.SkippedBackward.class);
        assertThat(decisions(plan, SALESFORCE, "Status")).singleElement().isInstanceOf(Decision.Applied.class);
    }

    @Test
    void latestWinsConflictNamesBothObservations() {
        planner.plan(instantly("lead_interested", T.plusSeconds(120)), ALL);

        Plan plan = planner.plan(hubspot(T.plusSeconds(60), "lifecyclestage", "opportunity"), ALL);

        assertThat(plan.commands()).isEmpty();
        assertThat(decisions(plan, INSTANTLY, "interest_value")).singleElement().satisfies(d -> {
            assertThat(d).isInstanceOf(Decision.ConflictResolved.class);
            assertThat(((Decision.ConflictResolved) d).value()).isEqualTo("1");
            assertThat(d.reason()).isEqualTo("status meeting_booked: latest observation wins: 2026-11-01T10:02:00Z"
                    + " from instantly after 2026-11-01T10:01:00Z from hubspot; the current value stays");
        });
    }

    @Test
    void suppressionReachesTheCrmWhoeverOwnsTheField() {
        Plan plan = planner.plan(instantly("email_bounced", T).withAttributes(Map.of("bounce_type", "hard")), ALL);

        assertThat(upserted(plan, HUBSPOT)).containsEntry("sync_do_not_contact", "true");
    }
}
