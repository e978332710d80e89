package dev.crmsync.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw PostgreSQL limits for durable ingest on the benchmark's database: rows a second with one
 * commit per row from 8 threads, and with 100-row commits. The table has the shape and indexes of
 * {@code inbound_event} (unique dedup key, email index, a ~350-byte payload), so the figures bound
 * what the service can store, before any HTTP.
 */
final class PgCeilings {
    static final String TABLE = "bench_ceiling_event";
    private final BenchDatabase db;
    private final AtomicLong sequence = new AtomicLong();

    PgCeilings(BenchDatabase db) throws SQLException {
        this.db = db;
        db.execute("create table if not exists " + TABLE + " (id bigserial primary key, source text not null, "
                        + "dedup_key text not null, event_type text not null, email text, occurred_at timestamptz, "
                        + "received_at timestamptz not null default now(), auth_method text, payload bytea not null, "
                        + "unique (source, dedup_key))",
                "create index if not exists " + TABLE + "_email on " + TABLE + " (email)");
    }

    /** Rows committed per second by {@code threads} threads, {@code rowsPerCommit} rows in each transaction. */
    double rowsPerSecond(int threads, int rowsPerCommit, Duration duration) throws InterruptedException {
        AtomicLong rows = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try (Connection c = db.connect(); PreparedStatement insert = c.prepareStatement(insertSql(rowsPerCommit))) {
                    c.setAutoCommit(rowsPerCommit == 1);
                    while (System.nanoTime() < end) {
                        int p = 1;
                        for (int r = 0; r < rowsPerCommit; r++) {
                            p = bind(insert, p);
                        }
                        insert.executeUpdate();
                        if (rowsPerCommit > 1) {
                            c.commit();
                        }
                        rows.addAndGet(rowsPerCommit);
                    }
                } catch (SQLException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "pg-ceiling-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("ceiling run failed", failures.get(0));
        }
        return rows.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static String insertSql(int rows) {
        StringBuilder sql = new StringBuilder("insert into " + TABLE + " (source, dedup_key, event_type, email, "
                + "occurred_at, received_at, auth_method, payload) values ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?)");
        }
        return sql.append(" on conflict (source, dedup_key) do nothing").toString();
    }

    private int bind(PreparedStatement insert, int p) throws SQLException {
        long n = sequence.incrementAndGet();
        Timestamp now = Timestamp.from(Instant.now());
        insert.setString(p++, "instantly");
        insert.setString(p++, "ceiling-" + n);
        insert.setString(p++, "email_opened");
        insert.setString(p++, "load" + (n % 50_000) + "@bench.example");
        insert.setTimestamp(p++, now);
        insert.setTimestamp(p++, now);
        insert.setString(p++, "secret-header");
        insert.setBytes(p++, Payloads.emailOpened("ceiling", n).getBytes(StandardCharsets.UTF_8));
        return p;
    }
}
