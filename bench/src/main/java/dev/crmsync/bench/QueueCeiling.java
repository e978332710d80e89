package dev.crmsync.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The limit of the inbound queue itself: {@code threads} workers claiming 200 rows the way the service
 * does ({@code FOR UPDATE ... SKIP LOCKED} on a narrow queue table, then the payloads by id) and
 * deleting them in the same transaction, with no rules in between. Rows a second until the queue is empty.
 */
final class QueueCeiling {
    private final BenchDatabase db;

    QueueCeiling(BenchDatabase db) throws SQLException {
        this.db = db;
        db.execute("create table if not exists bench_q_event (id bigserial primary key, payload bytea not null)",
                "create table if not exists bench_q (event_id bigint primary key references bench_q_event (id), "
                        + "attempts int not null default 0, available_at timestamptz not null default now())",
                "create index if not exists bench_q_available on bench_q (available_at, event_id)");
    }

    double rowsPerSecond(int events, int threads, int batch) throws SQLException, InterruptedException {
        db.execute("with e as (insert into bench_q_event (payload) select convert_to(repeat('x', 350) || g, 'UTF8') "
                + "from generate_series(1, " + events + ") g returning id) insert into bench_q (event_id) select id from e");
        AtomicLong done = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try (Connection c = db.connect();
                     PreparedStatement claim = c.prepareStatement("select event_id, attempts from bench_q "
                             + "where available_at <= now() order by event_id limit ? for update skip locked");
                     PreparedStatement read = c.prepareStatement("select id, payload from bench_q_event where id = any(?)");
                     PreparedStatement delete = c.prepareStatement("delete from bench_q where event_id = any(?)")) {
                    c.setAutoCommit(false);
                    while (true) {
                        claim.setInt(1, batch);
                        List<Long> ids = new ArrayList<>(batch);
                        try (ResultSet rs = claim.executeQuery()) {
                            while (rs.next()) {
                                ids.add(rs.getLong(1));
                            }
                        }
                        if (ids.isEmpty()) {
                            c.commit();
                            return;
                        }
                        Array array = c.createArrayOf("bigint", ids.toArray());
                        read.setArray(1, array);
                        try (ResultSet rs = read.executeQuery()) {
                            while (rs.next()) {
                                rs.getBytes(2);
                            }
                        }
                        delete.setArray(1, array);
                        delete.executeUpdate();
                        c.commit();
                        done.addAndGet(ids.size());
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, "queue-ceiling-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }
}
