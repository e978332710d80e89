package dev.crmsync.core.rules;

import static dev.crmsync.core.rules.TestMappings.ALL;
import static dev.crmsync.core.rules.TestMappings.T;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Applying any event twice equals applying it once: the second time writes nothing and the state is the same. */
class PlannerIdempotencePropertyTest {

    /** Events of every kind the full test mapping reacts to, from Instantly and HubSpot. */
    @Provide
    Arbitrary<CanonicalChange> events() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(0, 400_000);
        Arbitrary<String> step = Arbitraries.of("1", "2");
        // Instantly sends the lead's custom variables with every event: some collide with values HubSpot writes there.
        Arbitrary<Map<String, String>> snapshot = Arbitraries.of(Map.of(), Map.of("custom.job_title", "CTO"),
                Map.of("lead.first_name", "Ann"), Map.of("lead.first_name", "Annie", "custom.job_title", "CEO"));
        Arbitrary<CanonicalChange> instantly = Combinators.combine(Arbitraries.of("lead_interested", "lead_meeting_booked",
                        "lead_not_interested", "lead_out_of_office", "reply_received", "email_opened", "email_link_clicked",
                        "campaign_completed", "email_bounced:soft", "email_bounced:hard"), seconds, step, snapshot)
                .as((type, at, s, fields) -> {
                    String[] parts = type.split(":");
                    Map<String, String> attributes = parts.length == 1 ? Map.of("campaign_id", "c-1", "step", s)
                            : Map.of("campaign_id", "c-1", "step", s, "bounce_type", parts[1]);
                    return TestMappings.instantly(parts[0], T.plusSeconds(at)).withAttributes(attributes).withFields(fields);
                });
        Arbitrary<CanonicalChange> hubspot = Combinators.combine(Arbitraries.of("lifecyclestage:salesqualifiedlead",
                        "lifecyclestage:opportunity", "lifecyclestage:other", "firstname:Ann", "firstname:Anne",
                        "jobtitle:CTO"), seconds)
                .as((change, at) -> TestMappings.hubspot(T.plusSeconds(at), change.split(":")[0], change.split(":")[1]));
        return Arbitraries.oneOf(instantly, hubspot);
    }

    @Property(tries = 300)
    void applyingEveryEventTwiceEqualsApplyingItOnce(@ForAll("histories") List<CanonicalChange> history) {
        SnapshotFieldStateStore once = new SnapshotFieldStateStore();
        SnapshotFieldStateStore twice = new SnapshotFieldStateStore();
        Planner single = new Planner(TestMappings.full(), once);
        Planner doubled = new Planner(TestMappings.full(), twice);
        List<Command> singleCommands = new ArrayList<>();
        List<Command> doubledCommands = new ArrayList<>();

        for (CanonicalChange change : history) {
            singleCommands.addAll(single.plan(change, ALL).commands());
            doubledCommands.addAll(doubled.plan(change, ALL).commands());
            List<Command> again = doubled.plan(change, ALL).commands();
            assertThat(again).as("second application of %s in %s", change, describe(history))
                    .noneMatch(Command.Upsert.class::isInstance);
            doubledCommands.addAll(again.stream().filter(c -> !(c instanceof Command.AddActivity)).toList());
        }

        assertThat(twice.visibleValues()).as(describe(history)).isEqualTo(once.visibleValues());
        assertThat(doubledCommands).isEqualTo(singleCommands);
    }

    /** The history with field values (test data, so no personal data), for a failure message. */
    private static String describe(List<CanonicalChange> history) {
        return history.stream().map(c -> c.source() + " " + c.eventType() + c.fields() + c.attributes() + " at "
                + c.observedAt()).toList().toString();
    }

    @Provide
    Arbitrary<List<CanonicalChange>> histories() {
        return events().list().ofMinSize(1).ofMaxSize(15);
    }
}
