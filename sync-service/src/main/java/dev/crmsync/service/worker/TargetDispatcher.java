package dev.crmsync.service.worker;

import dev.crmsync.core.model.Command;
import dev.crmsync.core.rules.Coalescer;
import dev.crmsync.core.spi.AdapterException;
import dev.crmsync.core.spi.CommandWriter;
import dev.crmsync.core.spi.OutboundItem;
import dev.crmsync.core.spi.PermanentAdapterException;
import dev.crmsync.core.spi.TransientAdapterException;
import dev.crmsync.core.spi.WriteOutcome;
import dev.crmsync.core.spi.WriteResult;
import dev.crmsync.service.metrics.SyncMetrics;
import dev.crmsync.service.persistence.OutboxRepository;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one target's commands: claims what is due, coalesces per person, writes in batches of the
 * target's maximum, and records each outcome. Transient failures retry with exponential backoff
 * and jitter (at least as long as the target asked); permanent ones, and those out of attempts,
 * go to the dead-letter table with the reason. Sends at once when idle; batches form only from backlog.
 */
public final class TargetDispatcher implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(TargetDispatcher.class);

    private final String target;
    private final CommandWriter writer;
    private final OutboxRepository outbox;
    private final TransactionTemplate tx;
    private final WakeUp wakeUp;
    private final Clock clock;
    private final int maxAttempts;
    private final IntervalFunction backoff;
    private final Duration lease;
    private final Duration pollInterval;
    private final SyncMetrics metrics;
    private final ScheduledExecutorService leaseTimer;
    private final BackfillTurns backfill;
    private final Duration backfillFill;
    private volatile boolean running = true;

    /**
     * @param backfill asked before each claim: whether backfill commands may be claimed now (the target's rate
     *                 budget has room beyond what live traffic keeps); a round with a turn claims one batch
     * @param backfillFill how long due backfill commands wait for a full batch while their job is still writing them
     */
    public TargetDispatcher(String target, CommandWriter writer, OutboxRepository outbox, TransactionTemplate tx,
                            WakeUp wakeUp, Clock clock, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                            Duration lease, Duration pollInterval, SyncMetrics metrics, BackfillTurns backfill,
                            Duration backfillFill) {
        this.backfill = backfill;
        this.backfillFill = backfillFill;
        this.target = target;
        this.writer = writer;
        this.outbox = outbox;
        this.tx = tx;
        this.wakeUp = wakeUp;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(initialBackoff.toMillis(), 2.0, 0.5,
                maxBackoff.toMillis());
        this.lease = lease;
        this.leaseTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "lease-" + target);
            thread.setDaemon(true);
            return thread;
        });
        this.pollInterval = pollInterval;
        this.metrics = metrics;
    }

    @Override
    public void run() {
        while (running) {
            try {
                if (dispatchOnce() == 0) {
                    wakeUp.await(pollInterval);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Dispatcher for {} failed a round; retrying in 1 s: {}", target, e.toString());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public String target() {
        return target;
    }

    public void stop() {
        running = false;
        leaseTimer.shutdownNow();
    }

    /** Claims and sends one round; returns how many commands it handled. */
    public int dispatchOnce() {
        if (!backfill.take()) {
            return round(false);
        }
        try {
            return round(true);
        } finally {
            backfill.end();
        }
    }

    /** With backfill, one batch: the turn stands for one call. Live commands alone go two batches at a time. */
    private int round(boolean withBackfill) {
        List<OutboxRepository.Claimed> claimed = outbox.claim(target,
                withBackfill ? writer.maxBatchSize() : writer.maxBatchSize() * 2, lease, withBackfill, backfillFill);
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<Long, Integer> attemptsById = new HashMap<>();
        claimed.forEach(c -> attemptsById.put(c.pending().id(), c.attempts()));
        List<Coalescer.Coalesced> merged = Coalescer.coalesce(claimed.stream().map(OutboxRepository.Claimed::pending)
                .toList());
        LeaseKeeper leases = new LeaseKeeper(outbox, lease, leaseTimer, claimed);
        for (int from = 0; from < merged.size(); from += writer.maxBatchSize()) {
            List<Coalescer.Coalesced> batch = merged.subList(from, Math.min(merged.size(), from + writer.maxBatchSize()));
            Set<Long> ours = leases.renewIfShort(batch.stream().flatMap(c -> c.ids().stream()).toList());
            List<Coalescer.Coalesced> owned = batch.stream().filter(c -> ours.containsAll(c.ids())).toList();
            if (owned.size() < batch.size()) {
                log.info("{}: {} write(s) left to another instance: their lease ran out before they were sent",
                        target, batch.size() - owned.size());
            }
            if (!owned.isEmpty()) {
                send(owned, attemptsById, leases);
            }
        }
        log.debug("{}: {} commands sent as {} writes", target, claimed.size(), merged.size());
        return claimed.size();
    }

    private void send(List<Coalescer.Coalesced> batch, Map<Long, Integer> attemptsById, LeaseKeeper leases) {
        List<OutboundItem> items = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Coalescer.Coalesced c = batch.get(i);
            int attempt = c.ids().stream().mapToInt(attemptsById::get).max().orElse(0);
            items.add(new OutboundItem(Integer.toString(i), c.command(), attempt));
        }
        WriteResult result;
        try {
            result = leases.whileWriting(batch.stream().flatMap(c -> c.ids().stream()).toList(),
                    () -> writer.write(items));
        } catch (AdapterException e) {
            metrics.failedCall(target, "write", e);
            tx.executeWithoutResult(s -> batch.forEach(c -> fail(c, attemptsById, e)));
            return;
        } catch (RuntimeException e) {
            TransientAdapterException unexpected = new TransientAdapterException(
                    "unexpected failure writing to " + target + ": " + e, 0, null, e);
            tx.executeWithoutResult(s -> batch.forEach(c -> fail(c, attemptsById, unexpected)));
            return;
        }
        metrics.calls(target, result);
        int status = result.calls().isEmpty() ? 0 : result.calls().get(result.calls().size() - 1).status();
        tx.executeWithoutResult(s -> {
            List<OutboxRepository.Written> written = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                Coalescer.Coalesced c = batch.get(i);
                WriteOutcome outcome = result.outcomes().get(items.get(i).key());
                if (outcome instanceof WriteOutcome.Written w) {
                    String linked = c.command() instanceof Command.Upsert ? w.externalId() : null;
                    written.add(new OutboxRepository.Written(c.ids(), items.get(i).attempt() + 1, status, w.detail(),
                            c.command().who().email(), linked));
                } else if (outcome instanceof WriteOutcome.Failed failed) {
                    fail(c, attemptsById, failed.error());
                } else {
                    fail(c, attemptsById, new TransientAdapterException(
                            target + " reported no outcome for this command", 0));
                }
            }
            outbox.recordWritten(target, written);
            int settled = written.stream().mapToInt(w -> w.ids().size()).sum();
            if (settled > 0) {
                metrics.commands(target, "written", settled);
            }
        });
    }

    private void fail(Coalescer.Coalesced c, Map<Long, Integer> attemptsById, AdapterException error) {
        int attempt = c.ids().stream().mapToInt(attemptsById::get).max().orElse(0) + 1;
        String reason = error.getMessage();
        boolean rateLimited = error instanceof TransientAdapterException t && t.isRateLimited();
        if (error instanceof PermanentAdapterException || (!rateLimited && attempt >= maxAttempts)) {
            String why = error instanceof PermanentAdapterException ? reason
                    : "gave up after " + attempt + " attempts; last error: " + reason;
            outbox.recordDead(c.ids(), attempt, error.kind(), error.httpStatus(), why);
            metrics.commands(target, "dead-letter", c.ids().size());
            log.warn("{}: {} command(s) moved to the dead-letter table ({}, HTTP {})", target, c.ids().size(),
                    error.kind(), error.httpStatus());
            return;
        }
        Duration wait = Duration.ofMillis(backoff.apply(Math.max(1, attempt)));
        if (error instanceof TransientAdapterException t && t.retryAfter().isPresent()
                && t.retryAfter().get().compareTo(wait) > 0) {
            wait = t.retryAfter().get();
        }
        Instant next = clock.instant().plus(wait);
        outbox.recordRetry(c.ids(), attempt, !rateLimited, next, error.httpStatus(), reason);
        metrics.commands(target, rateLimited ? "rate-limited" : "retry", c.ids().size());
    }
}
