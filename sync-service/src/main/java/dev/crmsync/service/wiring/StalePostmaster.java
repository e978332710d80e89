package dev.crmsync.service.wiring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the service is killed hard, its embedded PostgreSQL child can outlive it and keep the data
 * folder locked. Before starting again we stop that orphan (a fast, clean shutdown: committed data
 * is safe), so a restart on the same data works without an operator.
 */
final class StalePostmaster {
    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

    private StalePostmaster() {
    }

    static void stopIfRunning(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (process.isEmpty()) {
            return;
        }
        log.warn("Stopping an embedded PostgreSQL (pid {}) left running by an earlier run on the same data folder", pid);
        process.get().destroy(); // SIGTERM: PostgreSQL's "smart" shutdown; escalate if it lingers
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (process.get().isAlive() && Instant.now().isBefore(deadline)) {
            sleep();
        }
        if (process.get().isAlive()) {
            process.get().destroyForcibly();
        }
        while (process.get().isAlive()) {
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping a stale PostgreSQL", e);
        }
    }
}
