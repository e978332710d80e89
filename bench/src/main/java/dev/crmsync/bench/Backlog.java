package dev.crmsync.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Whether the service's workers still have stored events to take, so one run's backlog does not slow the next.
 * Asked on one open connection with {@code exists}: a fresh connection (a forked backend) and a {@code count(*)}
 * over the queue per poll took a sixth of the machine's CPU while the drain bench polled every 50 ms.
 */
final class Backlog implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement any;

    Backlog(BenchDatabase db) throws SQLException {
        this.connection = db.connectService();
        this.any = connection.prepareStatement("select exists (select 1 from inbound_queue)");
    }

    boolean isEmpty() throws SQLException {
        try (ResultSet rs = any.executeQuery()) {
            rs.next();
            return !rs.getBoolean(1);
        }
    }

    /** Waits (up to five minutes) until the queue is empty; returns the seconds it waited. */
    double awaitDrained() throws SQLException {
        long start = System.nanoTime();
        long deadline = start + 300_000_000_000L;
        while (!isEmpty() && System.nanoTime() < deadline) {
            ServiceProcess.sleep(250);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
