package dev.crmsync.service.worker;

import dev.crmsync.core.mapping.Mapping;
import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.port.IdentityLookup;
import dev.crmsync.service.persistence.CommandCodec;
import dev.crmsync.service.persistence.OutboxWriter;
import dev.crmsync.service.wiring.ConnectedSystems;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final EventPlanning planning;
    private final WakeUp wakeUp;
    private final Runnable onCommands;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration pollInterval;
    private final EventObserver observer;
    private final IngestFlood flood;
    private final Duration floodYield;
    private volatile boolean running = true;

    /**
     * @param observer told about each finished event after its batch committed
     * @param flood    while it says so, the worker pauses after each batch, up to {@code floodYield}, so that
     *                 it keeps planning (a batch per pause at least) without taking the CPU from acknowledgements
     */
    public InboundWorker(JdbcTemplate jdbc, TransactionTemplate tx, ConnectedSystems systems, Supplier<Mapping> mapping,
                         CommandCodec codec, IdentityLookup identities, WakeUp wakeUp, Runnable onCommands,
                         int batchSize, int maxAttempts, Duration pollInterval, EventObserver observer,
                         IngestFlood flood, Duration floodYield) {
        this.observer = observer;
        this.flood = flood;
        this.floodYield = floodYield;
        this.jdbc = jdbc;
        this.tx = tx;
        this.planning = new EventPlanning(jdbc, systems, mapping, codec, identities);
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
                } else {
                    stepAsideWhileFlooded();
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

    private void stepAsideWhileFlooded() throws InterruptedException {
        long until = System.nanoTime() + floodYield.toNanos();
        while (running && flood.flooded() && System.nanoTime() < until) {
            Thread.sleep(5);
        }
    }

    public void stop() {
        running = false;
    }

    /** Processes one batch; returns how many events it claimed. */
    public int processBatch() {
        Boolean[] wroteCommands = {false};
        List<EventPlanning.Event> done = new ArrayList<>();
        Integer claimed = tx.execute(status -> {
            List<EventPlanning.Event> events = claim();
            if (events.isEmpty()) {
                return 0;
            }
            // Translate first: some events name their person only by a system id, so who they concern
            // is known only afterwards. Then lock everyone the batch touches, in one sorted pass.
            List<EventPlanning.Translated> translated = new ArrayList<>(events.size());
            for (EventPlanning.Event event : events) {
                translated.add(planning.translate(event));
            }
            EventPlanning.Round round = planning.begin(translated, OutboxWriter.LIVE);
            List<Long> finished = new ArrayList<>();
            List<CanonicalChange> deleted = new ArrayList<>();
            for (EventPlanning.Translated t : translated) {
                if (plan(t, round)) {
                    finished.add(t.event().id());
                    done.add(t.event());
                    deleted.addAll(t.deletedRecords());
                }
            }
            wroteCommands[0] = round.flush();
            deleted.forEach(this::forget);
            jdbc.update("delete from inbound_queue where event_id = any(?)", (Object) finished.toArray(Long[]::new));
            return events.size();
        });
        if (wroteCommands[0]) {
            onCommands.run();
        }
        for (EventPlanning.Event event : done) {
            try {
                observer.processed(new EventObserver.ProcessedEvent(event.id(), event.source(), event.eventType(),
                        event.payload()));
            } catch (RuntimeException e) {
                log.warn("Observer failed on event {}; ignored: {}", event.id(), e.toString());
            }
        }
        return claimed == null ? 0 : claimed;
    }

    /** A record deleted in its system: its id and what it held for the person are forgotten there, nothing more. */
    private void forget(CanonicalChange change) {
        String system = change.source().value();
        String email = change.who().email();
        jdbc.update("delete from identity_link where system = ? and email = ?", system, email);
        jdbc.update("delete from field_state where system = ? and record_key = ?", system, email);
    }

    /**
     * Locks the first due queue rows, then reads their events by id. Two single-table queries rather than
     * a join: with a queue's stale statistics the planner once merge-joined every stored event per claim.
     */
    private List<EventPlanning.Event> claim() {
        Map<Long, Integer> attempts = new LinkedHashMap<>();
        jdbc.query("select event_id, attempts from inbound_queue where available_at <= now() "
                        + "order by event_id limit ? for update skip locked",
                rs -> {
                    attempts.put(rs.getLong(1), rs.getInt(2));
                }, batchSize);
        if (attempts.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select id, source, event_type, email, payload from inbound_event "
                        + "where id = any(?) order by id",
                (rs, i) -> new EventPlanning.Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBytes(5), attempts.get(rs.getLong(1))),
                (Object) attempts.keySet().toArray(Long[]::new));
    }

    /** Returns true when the event is finished (planned, or recorded as not understood). */
    private boolean plan(EventPlanning.Translated t, EventPlanning.Round round) {
        EventPlanning.Event event = t.event();
        MDC.put("eventId", Long.toString(event.id()));
        MDC.put("system", event.source());
        try {
            round.plan(t);
            return true;
        } catch (RuntimeException e) {
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
