package dev.crmsync.core.rules;

import static dev.crmsync.core.rules.TestMappings.ANN;
import static dev.crmsync.core.rules.TestMappings.HUBSPOT;
import static dev.crmsync.core.rules.TestMappings.INSTANTLY;
import static dev.crmsync.core.rules.TestMappings.T;

import dev.crmsync.core.mapping.ConflictRule;
import dev.crmsync.core.mapping.Effect;
import dev.crmsync.core.mapping.FieldGroup;
import dev.crmsync.core.mapping.FieldMapping;
import dev.crmsync.core.mapping.Flow;
import dev.crmsync.core.mapping.Mapping;
import dev.crmsync.core.mapping.Ownership;
import dev.crmsync.core.mapping.StatusRule;
import dev.crmsync.core.mapping.Trigger;
import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.Command;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.port.InMemoryFieldStateStore;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * Instantly and HubSpot as {@link SimulatedSystem}s with the planner between them: webhooks go to the
 * planner, its upserts go to the other system, whose webhooks come back, as in production. Four FIFO
 * channels (webhooks from each system, commands to each) are served in an order the caller chooses.
 */
final class TwoSystemSimulation {
    /** Fields edited in each system: a-b both ways, c Instantly's, d HubSpot's, and the lead status. */
    static final Map<SystemId, List<String>> FIELDS = Map.of(
            INSTANTLY, List.of("custom.a", "custom.b", "custom.c", "custom.d", SimulatedSystem.INTEREST),
            HUBSPOT, List.of("a", "b", "c", "d", "lifecyclestage"));

    private final Map<SystemId, SimulatedSystem> systems = Map.of(INSTANTLY, new SimulatedSystem(INSTANTLY, ANN),
            HUBSPOT, new SimulatedSystem(HUBSPOT, ANN));
    private final Planner planner = new Planner(mapping(), new InMemoryFieldStateStore());
    private final List<Deque<Runnable>> channels = List.of(new ArrayDeque<>(), new ArrayDeque<>(), new ArrayDeque<>(),
            new ArrayDeque<>());
    private final List<String> log = new ArrayList<>();
    private Instant clock = T;
    private int edits;
    private int writes;

    static Mapping mapping() {
        return new Mapping("simulation", Set.of(INSTANTLY, HUBSPOT), List.of(
                status("interested", "lead_interested", "1", "salesqualifiedlead"),
                status("meeting_booked", "lead_meeting_booked", "2", "opportunity")), Map.of(), List.of(), List.of())
                .withOwnership(new Ownership(List.of(
                        new FieldGroup("shared", Set.of(INSTANTLY, HUBSPOT), flows("instantly->hubspot", "hubspot->instantly"),
                                Optional.of(ConflictRule.latestWins()), Map.of(INSTANTLY, Set.of("custom.a", "custom.b",
                                SimulatedSystem.INTEREST), HUBSPOT, Set.of("a", "b", "lifecyclestage"))),
                        new FieldGroup("instantly_owned", Set.of(INSTANTLY), flows("instantly->hubspot"), Optional.empty(),
                                Map.of(INSTANTLY, Set.of("custom.c"), HUBSPOT, Set.of("c"))),
                        new FieldGroup("hubspot_owned", Set.of(HUBSPOT), flows("hubspot->instantly"), Optional.empty(),
                                Map.of(INSTANTLY, Set.of("custom.d"), HUBSPOT, Set.of("d"))))))
                .withFieldMappings(List.of(copy(INSTANTLY, "custom.a", HUBSPOT, "a"), copy(HUBSPOT, "a", INSTANTLY, "custom.a"),
                        copy(INSTANTLY, "custom.b", HUBSPOT, "b"), copy(HUBSPOT, "b", INSTANTLY, "custom.b"),
                        copy(INSTANTLY, "custom.c", HUBSPOT, "c"), copy(HUBSPOT, "d", INSTANTLY, "custom.d")));
    }

    private static StatusRule status(String name, String event, String interest, String stage) {
        return new StatusRule(name, Map.of(INSTANTLY, new Trigger(List.of(event), Map.of()),
                HUBSPOT, new Trigger(List.of(), Map.of("lifecyclestage", stage))),
                Map.of(INSTANTLY, Effect.set(Map.of(SimulatedSystem.INTEREST, interest)),
                        HUBSPOT, Effect.set(Map.of("lifecyclestage", stage))));
    }

    private static List<Flow> flows(String... flows) {
        return List.of(flows).stream().map(Flow::parse).toList();
    }

    private static FieldMapping copy(SystemId from, String field, SystemId to, String targetField) {
        return new FieldMapping(from, field, to, targetField, List.of());
    }

    /** A person edits a field; a real edit when it changes something, which the return value says. */
    boolean edit(SystemId system, String field, String value) {
        List<CanonicalChange> webhooks = systems.get(system).edit(field, value, tick());
        log.add(clock + " edit " + system + "." + field + "=" + value);
        if (!webhooks.isEmpty()) {
            edits++;
        }
        webhooks.forEach(this::webhook);
        return !webhooks.isEmpty();
    }

    /** Serves one channel chosen among the non-empty ones; false when all are empty. */
    boolean serve(IntUnaryOperator choose) {
        List<Deque<Runnable>> busy = channels.stream().filter(c -> !c.isEmpty()).toList();
        if (busy.isEmpty()) {
            return false;
        }
        busy.get(choose.applyAsInt(busy.size())).poll().run();
        return true;
    }

    /**
     * Serves the channels until all are empty, at most {@code limit} deliveries.
     *
     * @param choose given the number of non-empty channels, which of them to serve next
     * @return whether the systems went quiet within the limit
     */
    boolean settle(IntUnaryOperator choose, int limit) {
        for (int served = 0; served < limit; served++) {
            if (!serve(choose)) {
                return true;
            }
        }
        return channels.stream().allMatch(Deque::isEmpty);
    }

    private void webhook(CanonicalChange change) {
        channels.get(change.source().equals(INSTANTLY) ? 0 : 1).add(() -> {
            Plan plan = planner.plan(change, Set.of(INSTANTLY, HUBSPOT));
            log.add("webhook " + change.source() + " " + change.eventType() + change.fields() + " of " + change.observedAt()
                    + " -> " + plan.decisions().stream().map(d -> d.target() + "." + d.subject() + " " + d.outcome()).toList());
            for (Command command : plan.commands()) {
                Command.Upsert upsert = (Command.Upsert) command;
                writes += upsert.fields().size();
                channels.get(upsert.target().equals(INSTANTLY) ? 2 : 3).add(() -> {
                    List<CanonicalChange> webhooks = systems.get(upsert.target()).apply(upsert, tick());
                    log.add(clock + " write " + upsert.target() + " " + upsert.fields());
                    webhooks.forEach(this::webhook);
                });
            }
        });
    }

    private Instant tick() {
        clock = clock.plusSeconds(1);
        return clock;
    }

    SimulatedSystem system(SystemId id) {
        return systems.get(id);
    }

    int edits() {
        return edits;
    }

    int writes() {
        return writes;
    }

    String describe() {
        return "instantly " + system(INSTANTLY).fields() + ", hubspot " + system(HUBSPOT).fields() + ", " + edits
                + " edits, " + writes + " writes, after:\n  " + String.join("\n  ", log);
    }
}
