package dev.crmsync.bench;

import java.sql.SQLException;

/** Waits until the service's workers have taken every stored event, so one run's backlog does not slow the next. */
final class Backlog {
    private final BenchDatabase db;

    Backlog(BenchDatabase db) {
        this.db = db;
    }

    long waiting() throws SQLException {
        return db.serviceLong("select count(*) from inbound_queue");
    }

    void awaitDrained() throws SQLException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (waiting() > 0 && System.nanoTime() < deadline) {
            ServiceProcess.sleep(250);
        }
    }
}
