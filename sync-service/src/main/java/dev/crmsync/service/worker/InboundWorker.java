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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims stored events ({@code FOR UPDATE SKIP LOCKED}), translates them with their source's
 * adapter, plans them with the core rules, and writes decisions and commands in the same
 * transaction that removes them from the queue: an event is done exactly when its commands exist.
 */
public final class InboundWorker implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(InboundWorker.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ConnectedSystems systems;
    private final Supplier<Mapping> mapping;
    private final CommandCodec codec;
    private final IdentityLookup identities;
    private final WakeUp wakeUp;
    private final Runnable onCommands;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration pollInterval;
    private final EventObserver observer;
    private volatile boolean running = true;

    record Claimed(long id, String source, String eventType, String email, byte[] payload, int attempts) {
    }

    public InboundWorker(JdbcTemplate jdbc, TransactionTemplate tx, ConnectedSystems systems, Supplier<Mapping> mapping,
                         CommandCodec codec, IdentityLookup identities, WakeUp wakeUp, Runnable onCommands,
                         int batchSize, int maxAttempts, Duration pollInterval) {
        this(jdbc, tx, systems, mapping, codec, identities, wakeUp, onCommands, batchSize, maxAttempts, pollInterval,
                EventObserver.NONE);
    }

    /** @param observer told about each finished event after its batch committed */
    public InboundWorker(JdbcTemplate jdbc, TransactionTemplate tx, ConnectedSystems systems, Supplier<Mapping> mapping,
                         CommandCodec codec, IdentityLookup identities, WakeUp wakeUp, Runnable onCommands,
                         int batchSize, int maxAttempts, Duration pollInterval, EventObserver observer) {
        this.observer = observer;
        this.jdbc = jdbc;
        this.tx = tx;
        this.systems = systems;
        this.mapping = mapping;
        this.codec = codec;
        this.identities = identities;
        this.wakeUp = wakeUp;
        this.onCommands = onCommands;
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
        this.pollInterval = pollInterval;
    }

    @Override
    public void run() {
        while (running) {
            try {
                int done = processBatch();
                if (done == 0) {
                    wakeUp.await(pollInterval);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Inbound batch failed and was rolled back; retrying in 1 s: {}", e.toString());
                sleepQuietly(Duration.ofSeconds(1));
            }
        }
    }

    public void stop() {
        running = false;
    }

    /** Processes one batch; returns how many events it claimed. */
    public int processBatch() {
        Boolean[] wroteCommands = {false};
        List<Claimed> done = new ArrayList<>();
        Integer claimed = tx.execute(status -> {
            List<Claimed> events = claim();
            if (events.isEmpty()) {
                return 0;
            }
            // Translate first: some events name their person only by a system id, so who they concern
            // is known only afterwards. Then lock everyone the batch touches, in one sorted pass.
            List<Translated> translated = new ArrayList<>(events.size());
            for (Claimed event : events) {
                translated.add(translate(event));
            }
            List<String> people = translated.stream().flatMap(t -> t.people().stream()).distinct().sorted().toList();
            lockPeople(people);
            BatchFieldStateStore states = BatchFieldStateStore.load(jdbc, people);
            Planner planner = new Planner(mapping.get(), states);
            OutboxWriter outbox = new OutboxWriter(jdbc, codec);
            Set<SystemId> targets = systems.targets();
            List<Long> finished = new ArrayList<>();
            List<CanonicalChange> deleted = new ArrayList<>();
            for (Translated t : translated) {
                if (plan(t, planner, states, outbox, targets)) {
                    finished.add(t.event().id());
                    done.add(t.event());
                    deleted.addAll(t.deletedRecords());
                }
            }
            states.flush(jdbc);
            deleted.forEach(this::forget);
            wroteCommands[0] = outbox.hasCommands();
            outbox.flush();
            jdbc.update("delete from inbound_queue where event_id = any(?)", (Object) finished.toArray(Long[]::new));
            return events.size();
        });
        if (wroteCommands[0]) {
            onCommands.run();
        }
        for (Claimed event : done) {
            try {
                observer.processed(new EventObserver.ProcessedEvent(event.id(), event.source(), event.eventType(),
                        event.payload()));
            } catch (RuntimeException e) {
                log.warn("Observer failed on event {}; ignored: {}", event.id(), e.toString());
            }
        }
        return claimed == null ? 0 : claimed;
    }

    /** An event and its translation, or the failure that stopped it. */
    private record Translated(Claimed event, Translation translation, RuntimeException failure) {
        List<String> people() {
            if (translation instanceof Translation.Translated t) {
                return t.changes().stream().map(c -> c.who().email()).toList();
            }
            return event.email() == null ? List.of() : List.of(event.email());
        }

        List<CanonicalChange> deletedRecords() {
            return translation instanceof Translation.Translated t
                    ? t.changes().stream().filter(CanonicalChange::isRecordDeleted).toList() : List.of();
        }
    }

    /** A record deleted in its system: its id and what it held for the person are forgotten there, nothing more. */
    private void forget(CanonicalChange change) {
        String system = change.source().value();
        String email = change.who().email();
        jdbc.update("delete from identity_link where system = ? and email = ?", system, email);
        jdbc.update("delete from field_state where system = ? and record_key = ?", system, email);
    }

    private Translated translate(Claimed event) {
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

    private List<Claimed> claim() {
        return jdbc.query("select q.event_id, e.source, e.event_type, e.email, e.payload, q.attempts "
                        + "from inbound_queue q join inbound_event e on e.id = q.event_id "
                        + "where q.available_at <= now() order by q.event_id limit ? for update of q skip locked",
                (rs, i) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBytes(5), rs.getInt(6)),
                batchSize);
    }

    /** One person's events are planned by one worker at a time, across instances; locks taken in a fixed order. */
    private void lockPeople(List<String> people) {
        if (people.isEmpty()) {
            return;
        }
        jdbc.query("select count(pg_advisory_xact_lock(k)) from "
                        + "(select hashtextextended(p, 0) k from unnest(?::text[]) p order by 1) s",
                rs -> {
                }, (Object) people.toArray(String[]::new));
    }

    /** Returns true when the event is finished (planned, or recorded as not understood). */
    private boolean plan(Translated t, Planner planner, BatchFieldStateStore states, OutboxWriter outbox,
                         Set<SystemId> targets) {
        Claimed event = t.event();
        MDC.put("eventId", Long.toString(event.id()));
        MDC.put("system", event.source());
        OutboxWriter.Mark mark = outbox.mark();
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
                    }
                }
            }
            states.keep();
            return true;
        } catch (RuntimeException e) {
            outbox.reset(mark);
            states.discard();
            int attempts = event.attempts() + 1;
            log.warn("Event {} failed to process (attempt {} of {}): {}", event.id(), attempts, maxAttempts, e.toString());
            // Never dropped: after the last attempt the event waits an hour between tries, visibly.
            String delay = attempts >= maxAttempts ? "1 hour" : Math.min(60, 1L << Math.min(attempts, 6)) + " seconds";
            jdbc.update("update inbound_queue set attempts = ?, last_error = ?, available_at = now() + ?::interval "
                    + "where event_id = ?", attempts, e.toString(), delay, event.id());
            return false;
        } finally {
            MDC.remove("eventId");
            MDC.remove("system");
        }
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
