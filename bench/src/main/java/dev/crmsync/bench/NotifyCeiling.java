package dev.crmsync.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The floor under end-to-end latency on this database: a writer commits one queued row and a NOTIFY
 * at a fixed rate; a listener, woken by the notification, claims the row ({@code SKIP LOCKED}) and
 * deletes it. Latency is from the writer's commit returning to the claim committing.
 */
final class NotifyCeiling {
    private final BenchDatabase db;

    NotifyCeiling(BenchDatabase db) throws SQLException {
        this.db = db;
        db.execute("create table if not exists bench_notify_q (id bigserial primary key, seq int not null)");
    }

    /** Returns {p50, p99} in milliseconds. */
    double[] commitToClaim(int perSecond, Duration duration) throws Exception {
        int total = (int) (perSecond * duration.toSeconds());
        long[] committed = new long[total];
        long[] claimed = new long[total];
        AtomicInteger claimedCount = new AtomicInteger();
        try (Connection listen = db.connect(); Connection claimer = db.connect(); Connection writer = db.connect()) {
            try (Statement s = listen.createStatement()) {
                s.execute("listen bench_ready");
            }
            claimer.setAutoCommit(false);
            Thread consumer = new Thread(() -> {
                try (PreparedStatement claim = claimer.prepareStatement("delete from bench_notify_q where id in "
                        + "(select id from bench_notify_q order by id limit 200 for update skip locked) returning seq")) {
                    PGConnection pg = listen.unwrap(PGConnection.class);
                    while (claimedCount.get() < total && !Thread.currentThread().isInterrupted()) {
                        PGNotification[] n = pg.getNotifications(500);
                        if (n == null || n.length == 0) {
                            continue;
                        }
                        int[] seqs = new int[200];
                        int k = 0;
                        try (ResultSet rs = claim.executeQuery()) {
                            while (rs.next()) {
                                seqs[k++] = rs.getInt(1);
                            }
                        }
                        claimer.commit();
                        long now = System.nanoTime();
                        for (int i = 0; i < k; i++) {
                            claimed[seqs[i]] = now;
                        }
                        claimedCount.addAndGet(k);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, "notify-consumer");
            consumer.start();
            writer.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = writer.prepareStatement("insert into bench_notify_q (seq) values (?)");
                 PreparedStatement notify = writer.prepareStatement("select pg_notify('bench_ready', '')")) {
                for (int i = 0; i < total; i++) {
                    long wait = start + (long) (i * 1e9 / perSecond) - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    insert.setInt(1, i);
                    insert.executeUpdate();
                    notify.execute();
                    writer.commit();
                    committed[i] = System.nanoTime();
                }
            }
            consumer.join(30_000);
            consumer.interrupt();
        }
        long[] latencies = new long[total];
        int n = 0;
        for (int i = 0; i < total; i++) {
            if (claimed[i] != 0) {
                latencies[n++] = Math.max(0, claimed[i] - committed[i]);
            }
        }
        return new double[] {Stats.percentileMillis(latencies, n, 50), Stats.percentileMillis(latencies, n, 99)};
    }
}
