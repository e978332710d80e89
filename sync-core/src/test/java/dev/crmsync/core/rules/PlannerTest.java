package dev.crmsync.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.mapping.ActivityRule;
import dev.crmsync.core.mapping.Effect;
import dev.crmsync.core.mapping.FieldRule;
import dev.crmsync.core.mapping.Mapping;
import dev.crmsync.core.mapping.StatusRule;
import dev.crmsync.core.mapping.SuppressionRule;
import dev.crmsync.core.mapping.Trigger;
import dev.crmsync.core.model.Activity;
import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.Command;
import dev.crmsync.core.model.Decision;
import dev.crmsync.core.model.Identity;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.port.InMemoryFieldStateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerTest {
    static final SystemId INSTANTLY = SystemId.of("instantly");
    static final SystemId HUBSPOT = SystemId.of("hubspot");
    static final Instant T = Instant.parse("2026-11-01T10:00:00Z");

    /** A small mapping in the shape of the default one. */
    static Mapping mapping() {
        return new Mapping("test", Set.of(INSTANTLY, HUBSPOT), List.of(
                status("replied", "reply_received", Effect.set(Map.of("lifecyclestage", "lead", "hs_lead_status", "CONNECTED"))),
                status("interested", "lead_interested", Effect.set(Map.of("lifecyclestage", "salesqualifiedlead"))),
                status("meeting_booked", "lead_meeting_booked", Effect.set(Map.of("lifecyclestage", "opportunity"))),
                status("out_of_office", "lead_out_of_office", new Effect.NoChange())),
                Map.of(HUBSPOT, Map.of("lifecyclestage", FieldRule.forwardOnly("lifecyclestage",
                        List.of("subscriber", "lead", "salesqualifiedlead", "opportunity", "other")))),
                List.of(new ActivityRule(INSTANTLY, new Trigger(List.of("reply_received"), Map.of()), Map.of(HUBSPOT, "note"))),
                List.of(new SuppressionRule(INSTANTLY, new Trigger(List.of("email_bounced"), Map.of("bounce_type", "hard")),
                        "hard_bounce", Map.of(HUBSPOT, Effect.set(Map.of("sync_do_not_contact", "true"))))));
    }

    private static StatusRule status(String name, String event, Effect hubspot) {
        return new StatusRule(name, Map.of(INSTANTLY, new Trigger(List.of(event), Map.of())), Map.of(HUBSPOT, hubspot));
    }

    static CanonicalChange change(String type, Instant at) {
        return CanonicalChange.of(INSTANTLY, Identity.ofEmail("ann@acme.example"), type, at);
    }

    private final Planner planner = new Planner(mapping(), new InMemoryFieldStateStore());

    @Test
    void replyBecomesAStatusUpsertAndANote() {
        Activity reply = new Activity("note", "instantly-reply:r-1", "Reply", "Sounds good", T, Map.of());
        Plan plan = planner.plan(change("reply_received", T).withActivities(List.of(reply)), Set.of(HUBSPOT));
        assertThat(plan.commands()).hasSize(2);
        Command.Upsert upsert = (Command.Upsert) plan.commands().get(0);
        assertThat(upsert.fields()).containsEntry("lifecyclestage", "lead").containsEntry("hs_lead_status", "CONNECTED");
        Command.AddActivity note = (Command.AddActivity) plan.commands().get(1);
        assertThat(note.idempotencyKey()).isEqualTo("instantly-reply:r-1");
        assertThat(plan.decisions()).extracting(Decision::outcome).containsOnly("applied");
    }

    @Test
    void applyingTheSameEventTwiceWritesOnce() {
        planner.plan(change("lead_interested", T), Set.of(HUBSPOT));
        Plan again = planner.plan(change("lead_interested", T), Set.of(HUBSPOT));
        assertThat(again.commands()).isEmpty();
        assertThat(again.decisions()).extracting(Decision::outcome).containsExactly("skipped-echo");
    }

    @Test
    void lifecycleStageNeverMovesBackward() {
        planner.plan(change("lead_meeting_booked", T), Set.of(HUBSPOT));
        Plan later = planner.plan(change("lead_interested", T.plusSeconds(60)), Set.of(HUBSPOT));
        assertThat(later.commands()).isEmpty();
        assertThat(later.decisions()).extracting(Decision::outcome).containsExactly("skipped-backward");
    }

    @Test
    void outOfOfficeChangesNothingAndSaysWhy() {
        Plan plan = planner.plan(change("lead_out_of_office", T), Set.of(HUBSPOT));
        assertThat(plan.commands()).isEmpty();
        assertThat(plan.decisions()).singleElement().satisfies(d -> {
            assertThat(d).isInstanceOf(Decision.NoChange.class);
            assertThat(d.reason()).contains("out_of_office");
        });
    }

    @Test
    void retryLaterIsRecordedWithItsDelay() {
        Planner full = new Planner(TestMappings.full(), new InMemoryFieldStateStore());

        Plan plan = full.plan(TestMappings.instantly("lead_out_of_office", T), TestMappings.ALL);

        assertThat(plan.commands()).isEmpty();
        assertThat(TestMappings.decisions(plan, TestMappings.SALESFORCE, "status")).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo("retry-later");
            assertThat(((Decision.RetryLater) d).after()).contains(Duration.ofHours(4));
            assertThat(d.reason()).isEqualTo("status 'out_of_office' leaves salesforce as it is for now (retry later after 4 h)");
        });
    }

    @Test
    void unmappedEventIsRecordedAsNoChange() {
        Plan plan = planner.plan(change("custom_label_hot", T), Set.of(HUBSPOT));
        assertThat(plan.commands()).isEmpty();
        assertThat(plan.decisions()).singleElement().extracting(Decision::reason).asString()
                .contains("custom_label_hot");
    }

    @Test
    void hardBounceSuppressesAndSoftBounceDoesNot() {
        Plan soft = planner.plan(change("email_bounced", T).withAttributes(Map.of("bounce_type", "soft")), Set.of(HUBSPOT));
        assertThat(soft.commands()).isEmpty();
        Plan hard = planner.plan(change("email_bounced", T).withAttributes(Map.of("bounce_type", "hard")), Set.of(HUBSPOT));
        assertThat(((Command.Upsert) hard.commands().get(0)).fields()).containsEntry("sync_do_not_contact", "true");
    }

    @Test
    void neverWritesBackToTheSourceOfTheChange() {
        Plan plan = planner.plan(change("lead_interested", T), Set.of(HUBSPOT, INSTANTLY));
        assertThat(plan.commands()).allSatisfy(c -> assertThat(c.target()).isEqualTo(HUBSPOT));
    }
}
