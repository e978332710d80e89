package dev.crmsync.service.persistence;

import dev.crmsync.core.model.Identity;
import dev.crmsync.core.model.IsoInstant;
import dev.crmsync.core.spi.ParsedEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores inbound events durably with group commit: concurrent requests hand their events to a few
 * committer threads, which write everything waiting in one transaction (a multi-row insert that
 * skips known dedup keys, the queue rows, and a NOTIFY for the workers) and then complete every
 * request's future. Each request still hears back only after its own rows are committed; the
 * database does one fsync for many requests instead of one each.
 */
public final class InboundEventStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(InboundEventStore.class);
    static final String CHANNEL = "inbound_ready";
    private static final String INSERT_AND_QUEUE = "with e as (insert into inbound_event (source, dedup_key, "
            + "event_type, email, occurred_at, received_at, auth_method, payload) "
            + "select s, k, t, m, o::timestamptz, r::timestamptz, a, p from unnest(?::text[], ?::text[], ?::text[], "
            + "?::text[], ?::text[], ?::text[], ?::text[], ?::bytea[]) as u(s, k, t, m, o, r, a, p) "
            + "on conflict (source, dedup_key) do nothing returning id, source, dedup_key), "
            + "q as (insert into inbound_queue (event_id) select id from e) "
            + "select id, source, dedup_key from e";

    private final DataSource dataSource;
    private final BlockingQueue<InboundSubmission> waiting;
    private final int maxBatchRows;
    private final Runnable onCommit;
    private final List<Thread> committers = new ArrayList<>();
    private volatile boolean running = true;

    /** @param onCommit run after each commit that stored new events (wakes this instance's workers) */
    public InboundEventStore(DataSource dataSource, int committerThreads, int maxBatchRows, Runnable onCommit) {
        this.dataSource = dataSource;
        this.maxBatchRows = maxBatchRows;
        this.onCommit = onCommit;
        this.waiting = new ArrayBlockingQueue<>(50_000);
        for (int i = 0; i < committerThreads; i++) {
            Thread t = new Thread(this::commitLoop, "ingest-committer-" + i);
            t.setDaemon(true);
            t.start();
            committers.add(t);
        }
    }

    /**
     * Queues the events of one request for the next group commit. The future completes when they are
     * committed (one result per event, in order), or fails when the database did not take them.
     */
    public CompletableFuture<List<StoredEvent>> store(String source, List<ParsedEvent> events, String authMethod,
                                                      Instant receivedAt) {
        CompletableFuture<List<StoredEvent>> done = new CompletableFuture<>();
        if (events.isEmpty()) {
            done.complete(List.of());
            return done;
        }
        if (!running || !waiting.offer(new InboundSubmission(source, events, authMethod, receivedAt, done))) {
            done.completeExceptionally(new IllegalStateException("ingest queue is full or closed"));
        }
        return done;
    }

    private void commitLoop() {
        List<InboundSubmission> batch = new ArrayList<>();
        while (running) {
            try {
                InboundSubmission first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                int rows = first.events().size();
                while (rows < maxBatchRows) {
                    InboundSubmission next = waiting.poll();
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    rows += next.events().size();
                }
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Ingest committer failed a batch of {} requests", batch.size(), e);
                batch.forEach(s -> s.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<InboundSubmission> batch) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Map<String, Long> inserted = insertAndQueue(connection, batch);
                connection.commit();
                complete(batch, inserted);
                if (!inserted.isEmpty()) {
                    onCommit.run();
                }
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            log.warn("Could not store {} webhook requests: {}", batch.size(), e.getMessage());
            batch.forEach(s -> s.done().completeExceptionally(e));
        }
    }

    /**
     * Inserts every event not already known, queues the new ones and NOTIFYs the workers, in the caller's
     * transaction (which the caller commits); returns the new rows' ids by source and dedup key.
     */
    static Map<String, Long> insertAndQueue(Connection connection, List<InboundSubmission> batch) throws SQLException {
        Map<String, Long> inserted = insertEvents(connection, batch);
        if (!inserted.isEmpty()) {
            try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, '')")) {
                notify.setString(1, CHANNEL);
                notify.execute();
            }
        }
        return inserted;
    }

    /**
     * Inserts every event not already known and queues the new ones, in one statement whose text never
     * changes (columns travel as arrays), so PostgreSQL plans it once per connection however large the
     * batch. Returns the new rows' ids by source and dedup key.
     */
    private static Map<String, Long> insertEvents(Connection connection, List<InboundSubmission> batch)
            throws SQLException {
        int rows = batch.stream().mapToInt(s -> s.events().size()).sum();
        String[] sources = new String[rows];
        String[] keys = new String[rows];
        String[] types = new String[rows];
        String[] emails = new String[rows];
        String[] occurred = new String[rows];
        String[] received = new String[rows];
        String[] methods = new String[rows];
        byte[][] payloads = new byte[rows][];
        int i = 0;
        for (InboundSubmission s : batch) {
            String receivedAt = text(s.receivedAt());
            for (ParsedEvent e : s.events()) {
                sources[i] = s.source();
                keys[i] = e.dedupKey();
                types[i] = e.eventType();
                emails[i] = e.email() == null ? null : Identity.normalise(e.email());
                occurred[i] = e.occurredAt() == null ? null : text(e.occurredAt());
                received[i] = receivedAt;
                methods[i] = s.authMethod();
                payloads[i] = e.payload();
                i++;
            }
        }
        Map<String, Long> inserted = new HashMap<>();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_AND_QUEUE)) {
            insert.setArray(1, connection.createArrayOf("text", sources));
            insert.setArray(2, connection.createArrayOf("text", keys));
            insert.setArray(3, connection.createArrayOf("text", types));
            insert.setArray(4, connection.createArrayOf("text", emails));
            insert.setArray(5, connection.createArrayOf("text", occurred));
            insert.setArray(6, connection.createArrayOf("text", received));
            insert.setArray(7, connection.createArrayOf("text", methods));
            insert.setArray(8, connection.createArrayOf("bytea", payloads));
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    inserted.put(key(rs.getString(2), rs.getString(3)), rs.getLong(1));
                }
            }
        }
        return inserted;
    }

    private static void complete(List<InboundSubmission> batch, Map<String, Long> inserted) {
        Set<String> claimed = new HashSet<>();
        for (InboundSubmission s : batch) {
            List<StoredEvent> results = new ArrayList<>(s.events().size());
            for (ParsedEvent e : s.events()) {
                String key = key(s.source(), e.dedupKey());
                Long id = inserted.get(key);
                // The same key twice in one batch: the first submission stored it, the next is a duplicate.
                boolean mine = id != null && claimed.add(key);
                results.add(mine ? new StoredEvent(id, false) : new StoredEvent(0, true));
            }
            s.done().complete(results);
        }
    }

    /** ISO-8601 at PostgreSQL's precision (microseconds), as the JDBC timestamp binding stored it. */
    private static String text(Instant instant) {
        return IsoInstant.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    private static String key(String source, String dedupKey) {
        return source + "\u0000" + dedupKey;
    }

    @Override
    public void close() {
        running = false;
        for (Thread t : committers) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        InboundSubmission left;
        while ((left = waiting.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException("service is shutting down"));
        }
    }
}
