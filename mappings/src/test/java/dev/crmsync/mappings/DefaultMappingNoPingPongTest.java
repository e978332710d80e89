package dev.crmsync.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.Command;
import dev.crmsync.core.model.Identity;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.port.InMemoryFieldStateStore;
import dev.crmsync.core.rules.Plan;
import dev.crmsync.core.rules.Planner;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** With the default mapping, each real change crosses once, and the systems' webhooks for our writes stop there. */
class DefaultMappingNoPingPongTest {
    private static final SystemId INSTANTLY = SystemId.of("instantly");
    private static final SystemId HUBSPOT = SystemId.of("hubspot");
    private static final Set<SystemId> TARGETS = Set.of(INSTANTLY, HUBSPOT);
    private static final Identity ANN = Identity.ofEmail("ann@acme.example");
    private static final Instant T = Instant.parse("2026-11-01T10:00:00Z");

    private final Planner planner = new Planner(new MappingLoader().loadDefault(), new InMemoryFieldStateStore());

    private Plan hubspot(Instant at, String property, String value) {
        return planner.plan(CanonicalChange.of(HUBSPOT, ANN, "contact.propertyChange", at).withFields(Map.of(property, value)),
                TARGETS);
    }

    private static long upserts(Plan plan) {
        return plan.commands().stream().filter(Command.Upsert.class::isInstance).count();
    }

    @Test
    void repMovingAContactToOpportunityReachesInstantlyOnceAndNothingComesBack() {
        // given a reply in Instantly, synced to HubSpot, whose webhooks for our two properties come back
        Plan reply = planner.plan(CanonicalChange.of(INSTANTLY, ANN, "reply_received", T)
                .withAttributes(Map.of("email_id", "r-1")), TARGETS);
        Plan stageEcho = hubspot(T.plusSeconds(2), "lifecyclestage", "lead");
        Plan statusEcho = hubspot(T.plusSeconds(2), "hs_lead_status", "CONNECTED");

        // when a rep moves the contact to Opportunity, and Instantly reports back the status we set
        Plan move = hubspot(T.plusSeconds(60), "lifecyclestage", "opportunity");
        Plan instantlyEcho = planner.plan(CanonicalChange.of(INSTANTLY, ANN, "lead_meeting_booked", T.plusSeconds(63)),
                TARGETS);

        // then one write per real change
        assertThat(upserts(reply)).isEqualTo(1);
        assertThat(upserts(stageEcho) + upserts(statusEcho)).as("our HubSpot write does not flow back").isZero();
        assertThat(move.commands()).singleElement().isEqualTo(
                new Command.Upsert(INSTANTLY, ANN, Map.of("interest_value", "2", "sequence", "stopped"), T.plusSeconds(60)));
        assertThat(instantlyEcho.commands()).as("Instantly's echo writes nothing to HubSpot").isEmpty();
    }
}
