package dev.crmsync.core.rules;

import static dev.crmsync.core.rules.TestMappings.ALL;
import static dev.crmsync.core.rules.TestMappings.HUBSPOT;
import static dev.crmsync.core.rules.TestMappings.INSTANTLY;
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

/** The loop guard on the way in: a system reporting back what we wrote stops there. */
class PlannerEchoTest {
    private final Planner planner = new Planner(TestMappings.full(), new InMemoryFieldStateStore());

    @Test
    void dropsChangeThatEchoesOurOwnWriteBeforeTheWriteIsAcknowledged() {
        // given "meeting booked" in Instantly was planned as lifecyclestage=opportunity in HubSpot (not yet sent)
        planner.plan(instantly("lead_meeting_booked", T), ALL);

        // when HubSpot's webhook for that very value arrives
        Plan echo = planner.plan(hubspot(T.plusSeconds(5), "lifecyclestage", "opportunity"), ALL);

        // then it is an echo: no command, nothing flows back to Instantly, and the status it implies stops too
        assertThat(echo.commands()).isEmpty();
        assertThat(echo.decisions()).allSatisfy(d -> assertThat(d).isInstanceOf(Decision.SkippedEcho.class))
                .extracting(Decision::subject).containsExactly("lifecyclestage", "status");
        assertThat(decisions(echo, HUBSPOT, "lifecyclestage")).singleElement().extracting(Decision::reason).asString()
                .contains("that we wrote there from instantly", "an echo of our own write");
    }

    @Test
    void crmMoveToOpportunityWritesInterestValueTwoExactlyOnce() {
        // when a rep moves Ann to Opportunity
        Plan move = planner.plan(hubspot(T, "lifecyclestage", "opportunity"), ALL);
        // and Instantly reports the interest value we set (its "meeting booked" webhook)
        Plan echo = planner.plan(instantly("lead_meeting_booked", T.plusSeconds(3)), ALL);
        // and HubSpot repeats its webhook
        Plan repeat = planner.plan(hubspot(T, "lifecyclestage", "opportunity"), ALL);

        // then one write in all
        assertThat(upserted(move, INSTANTLY)).isEqualTo(Map.of("interest_value", "2"));
        assertThat(echo.commands()).isEmpty();
        assertThat(decisions(echo, INSTANTLY, "interest_value")).singleElement().isInstanceOf(Decision.SkippedEcho.class);
        assertThat(repeat.commands()).isEmpty();
    }

    @Test
    void echoIsRecognisedWhenThePersonEditedTheFieldWhileOurWriteWasInFlight() {
        // given we plan lifecyclestage=salesqualifiedlead for HubSpot
        planner.plan(instantly("lead_interested", T), ALL);
        // and before it lands a rep sets Opportunity, which flows to Instantly
        Plan rep = planner.plan(hubspot(T.plusSeconds(10), "lifecyclestage", "opportunity"), ALL);

        // when our late write lands and HubSpot reports it
        Plan late = planner.plan(hubspot(T.plusSeconds(20), "lifecyclestage", "salesqualifiedlead"), ALL);

        // then the rep's change flowed once, and our own write's echo does not flow back
        assertThat(upserted(rep, INSTANTLY)).isEqualTo(Map.of("interest_value", "2"));
        assertThat(late.commands()).isEmpty();
        assertThat(late.decisions()).extracting(Decision::outcome).containsOnly("skipped-echo");
    }

    @Test
    void eachEchoIsConsumedOnceSoALaterRealChangeToTheSameValueFlows() {
        planner.plan(hubspot(T, "firstname", "Ann"), ALL);
        planner.plan(instantly("lead_updated", T.plusSeconds(1)).withFields(Map.of("lead.first_name", "Ann")), ALL);
        planner.plan(hubspot(T.plusSeconds(60), "firstname", "Anne"), ALL);
        planner.plan(instantly("lead_updated", T.plusSeconds(61)).withFields(Map.of("lead.first_name", "Anne")), ALL);

        Plan back = planner.plan(hubspot(T.plusSeconds(120), "firstname", "Ann"), ALL);

        assertThat(upserted(back, INSTANTLY)).isEqualTo(Map.of("lead.first_name", "Ann"));
    }

    @Test
    void replyCarryingAnEchoedCustomVariableIsStillAReply() {
        // given HubSpot's job title was written to Instantly's custom variable
        planner.plan(hubspot(T, "jobtitle", "CTO"), ALL);

        // when an Instantly event carries that variable among its custom variables
        Plan reply = planner.plan(instantly("lead_interested", T.plusSeconds(60))
                .withFields(Map.of("custom.job_title", "CTO")), ALL);

        // then the variable goes no further, but the status does
        assertThat(upserted(reply, HUBSPOT)).containsEntry("lifecyclestage", "salesqualifiedlead")
                .doesNotContainKey("jobtitle");
        assertThat(decisions(reply, INSTANTLY, "custom.job_title")).singleElement().isInstanceOf(Decision.SkippedEcho.class);
    }

    @Test
    void statusThatOnlyEchoesOurWriteDoesNotCountForTheScore() {
        planner.plan(hubspot(T, "lifecyclestage", "salesqualifiedlead"), ALL);

        Plan echo = planner.plan(instantly("lead_interested", T.plusSeconds(2)), ALL);

        assertThat(echo.commands()).isEmpty();
        assertThat(echo.decisions()).extracting(Decision::outcome).containsOnly("skipped-echo");
    }
}
