package dev.crmsync.service.worker;

import dev.crmsync.core.mapping.Mapping;
import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.Command;
import dev.crmsync.core.model.Decision;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.port.IdentityLookup;
import dev.crmsync.core.rules.Plan;
import dev.crmsync.core.rules.Planner;
import dev.crmsync.core.spi.EventTranslator;
import dev.crmsync.core.spi.Translation;
import dev.crmsync.service.persistence.BatchFieldStateStore;
import dev.crmsync.service.persistence.CommandCodec;
import dev.crmsync.service.persistence.OutboxWriter;
import dev.crmsync.service.wiring.ConnectedSystems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The step live events and backfill jobs share: translate stored events with their source's adapter,
 * lock the people they concern, plan them with the core rules against those people's field state,
 * and collect decisions and commands for the outbox, all in the caller's transaction. Because both
 * paths plan here, backfilled records meet the same ordering, ownership and loop guards as live ones.
 */
public final class EventPlanning {
    private final JdbcTemplate jdbc;
    private final ConnectedSystems systems;
    private final Supplier<Mapping> mapping;
    private final CommandCodec codec;
    private final IdentityLookup identities;

    public EventPlanning(JdbcTemplate jdbc, ConnectedSystems systems, Supplier<Mapping> mapping, CommandCodec codec,
                         IdentityLookup identities) {
        this.jdbc = jdbc;
        this.systems = systems;
        this.mapping = mapping;
        this.codec = codec;
        this.identities = identities;
    }

    /** A stored event (or a backfill record stored as one). {@code email} may be null. */
    public record Event(long id, String source, String eventType, String email, byte[] payload, int attempts) {
    }

    /** An event and its translation, or the failure that stopped it. */
    public record Translated(Event event, Translation translation, RuntimeException failure) {
        List<String> people() {
            if (translation instanceof Translation.Translated t) {
                return t.changes().stream().map(c -> c.who().email()).toList();
            }
            return event.email() == null ? List.of() : List.of(event.email());
        }

        /** The changes saying a record was deleted in its system. */
        List<CanonicalChange> deletedRecords() {
            return translation instanceof Translation.Translated t
                    ? t.changes().stream().filter(CanonicalChange::isRecordDeleted).toList() : List.of();
        }
    }

    /** Translates without throwing: a failure is kept on the result and raised when the event is planned. */
    public Translated translate(Event event) {
        try {
            Optional<EventTranslator> translator = systems.translator(event.source());
            Translation translation = translator.isEmpty()
                    ? Translation.unrecognized("no adapter translates events from '" + event.source() + "'")
                    : translator.get().translate(event.eventType(), event.payload(), identities);
            return new Translated(event, translation, null);
        } catch (RuntimeException e) {
            return new Translated(event, null, e);
        }
    }

    /**
     * Starts planning a batch: locks everyone the batch touches (one person's events are planned by one
     * thread at a time, across instances; locks taken in a fixed order) and loads their field state.
     *
     * @param priority {@link OutboxWriter#LIVE} or {@link OutboxWriter#BACKFILL} for the commands written
     */
    public Round begin(List<Translated> batch, int priority) {
        return begin(batch, priority, systems.targets());
    }

    /** As {@link #begin(List, int)}, planning only for these targets (a backfill towards one side). */
    public Round begin(List<Translated> batch, int priority, Set<SystemId> targets) {
        List<String> people = batch.stream().flatMap(t -> t.people().stream()).distinct().sorted().toList();
        lockPeople(people);
        return new Round(BatchFieldStateStore.load(jdbc, people), priority, targets);
    }

    private void lockPeople(List<String> people) {
        if (people.isEmpty()) {
            return;
        }
        jdbc.query("select count(pg_advisory_xact_lock(k)) from "
                        + "(select hashtextextended(p, 0) k from unnest(?::text[]) p order by 1) s",
                rs -> {
                }, (Object) people.toArray(String[]::new));
    }

    /** One batch being planned; nothing reaches the database before {@link #flush()}. */
    public final class Round {
        private final BatchFieldStateStore states;
        private final Planner planner;
        private final OutboxWriter outbox;
        private final Set<SystemId> targets;

        private Round(BatchFieldStateStore states, int priority, Set<SystemId> targets) {
            this.targets = Set.copyOf(targets);
            this.states = states;
            this.planner = new Planner(mapping.get(), states);
            this.outbox = new OutboxWriter(jdbc, codec, priority);
        }

        /**
         * Plans one event into the round and returns the commands it produced. When planning fails, the
         * event's part is forgotten and the failure rethrown; the rest of the round stands.
         */
        public List<Command> plan(Translated t) {
            Event event = t.event();
            OutboxWriter.Mark mark = outbox.mark();
            List<Command> planned = new ArrayList<>();
            try {
                if (t.failure() != null) {
                    throw t.failure();
                }
                if (t.translation() instanceof Translation.Unrecognized unrecognized) {
                    outbox.decision(event.id(), event.email(), event.source(), "event", "unrecognized",
                            unrecognized.reason());
                } else {
                    List<CanonicalChange> changes = ((Translation.Translated) t.translation()).changes();
                    if (changes.isEmpty()) {
                        outbox.decision(event.id(), event.email(), event.source(), "event", "no-change",
                                "'" + event.eventType() + "' concerns no person; stored for the record");
                    }
                    for (CanonicalChange change : changes) {
                        Plan plan = planner.plan(change, targets);
                        for (Decision d : plan.decisions()) {
                            outbox.decision(event.id(), change.who().email(), d);
                        }
                        for (Command c : plan.commands()) {
                            outbox.command(event.id(), c);
                            planned.add(c);
                        }
                    }
                }
                states.keep();
                return planned;
            } catch (RuntimeException e) {
                outbox.reset(mark);
                states.discard();
                throw e;
            }
        }

        /** Writes field state, decisions and commands in the caller's transaction; true when commands were written. */
        public boolean flush() {
            states.flush(jdbc);
            boolean commands = outbox.hasCommands();
            outbox.flush();
            return commands;
        }
    }
}
