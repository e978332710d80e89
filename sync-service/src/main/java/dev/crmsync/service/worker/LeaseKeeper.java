package dev.crmsync.service.worker;

import dev.crmsync.service.persistence.OutboxRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leases of one dispatch round. A round claims up to two batches and sends them one after the
 * other; against a slow target the round can outlast the lease, and another instance would then claim
 * and send the same commands again. So each batch's leases are renewed right before it is sent, and
 * every third of the lease while its write is in flight; a lease another instance took over in the
 * meantime (its end moved) is not renewed, and its command is not sent from here. A lease taken or
 * renewed less than half a lease ago (by this JVM's monotonic clock, so clock skew cannot matter)
 * cannot have run out, and is not renewed before the send: the first batch of a round goes out with
 * no extra statement.
 */
final class LeaseKeeper {
    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

    private final OutboxRepository outbox;
    private final Duration lease;
    private final ScheduledExecutorService timer;
    private final Map<Long, Instant> held = new ConcurrentHashMap<>();
    private final Map<Long, Long> heldSince = new ConcurrentHashMap<>();

    LeaseKeeper(OutboxRepository outbox, Duration lease, ScheduledExecutorService timer,
                List<OutboxRepository.Claimed> claimed) {
        this.outbox = outbox;
        this.lease = lease;
        this.timer = timer;
        long now = System.nanoTime();
        claimed.forEach(c -> {
            held.put(c.pending().id(), c.leaseEnd());
            heldSince.put(c.pending().id(), now);
        });
    }

    /** Renews, before a send, only the leases of {@code ids} that may be running short; returns the ids still ours. */
    synchronized Set<Long> renewIfShort(Collection<Long> ids) {
        long now = System.nanoTime();
        long half = lease.toNanos() / 2;
        boolean allFresh = ids.stream().allMatch(id -> {
            Long since = heldSince.get(id);
            return since != null && now - since < half;
        });
        return allFresh ? Set.copyOf(ids) : renew(ids);
    }

    /** Renews the leases of {@code ids} that are still ours and returns those ids. */
    synchronized Set<Long> renew(Collection<Long> ids) {
        long asked = System.nanoTime();
        Map<Long, Instant> mine = new java.util.HashMap<>();
        ids.forEach(id -> {
            Instant end = held.get(id);
            if (end != null) {
                mine.put(id, end);
            }
        });
        Map<Long, Instant> kept = outbox.renewLeases(mine, lease);
        mine.keySet().forEach(id -> {
            if (!kept.containsKey(id)) {
                held.remove(id);
                heldSince.remove(id);
            }
        });
        held.putAll(kept);
        kept.keySet().forEach(id -> heldSince.put(id, asked));
        return kept.keySet();
    }

    /** Runs {@code write}, renewing the leases of {@code ids} every third of the lease until it returns. */
    <T> T whileWriting(Collection<Long> ids, Supplier<T> write) {
        long period = Math.max(1, lease.toMillis() / 3);
        ScheduledFuture<?> heartbeat = timer.scheduleAtFixedRate(() -> {
            try {
                int lost = ids.size() - renew(ids).size();
                if (lost > 0) {
                    log.warn("{} command(s) lost their lease while being written; another instance may send them too",
                            lost);
                }
            } catch (RuntimeException e) {
                log.debug("Lease renewal failed: {}", e.toString());
            }
        }, period, period, TimeUnit.MILLISECONDS);
        try {
            return write.get();
        } finally {
            heartbeat.cancel(false);
        }
    }
}
