package dev.crmsync.service.wiring;

import dev.crmsync.core.model.SystemId;
import dev.crmsync.service.metrics.SyncMetrics;
import dev.crmsync.service.persistence.CommandCodec;
import dev.crmsync.service.persistence.LinkedIdentityLookup;
import dev.crmsync.service.persistence.OutboxRepository;
import dev.crmsync.service.persistence.OutboxWriter;
import dev.crmsync.service.worker.BackfillTurns;
import dev.crmsync.service.worker.EventObserver;
import dev.crmsync.service.worker.InboundWorker;
import dev.crmsync.service.worker.IngestFlood;
import dev.crmsync.service.worker.NotificationListener;
import dev.crmsync.service.worker.TargetDispatcher;
import dev.crmsync.service.worker.WakeUp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts and stops the background threads with the application context: inbound workers, one
 * dispatcher per target, and the LISTEN/NOTIFY listener that wakes them.
 */
public final class WorkerThreads implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(WorkerThreads.class);
    /** The share of each target's rate budget that backfill leaves to live traffic. */
    static final double LIVE_RESERVE = 0.1;
    /** For a target without a rate budget: backfill whenever it is due. */
    private static final BackfillTurns ALWAYS = new BackfillTurns() {
        @Override
        public boolean take() {
            return true;
        }

        @Override
        public void end() {
        }
    };
    private final WakeUp inboundWakeUp = new WakeUp();
    private final WakeUp outboxWakeUp = new WakeUp();
    private final List<InboundWorker> workers = new ArrayList<>();
    private final List<TargetDispatcher> dispatchers = new ArrayList<>();
    private final NotificationListener listener;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    WorkerThreads(JdbcTemplate jdbc, PlatformTransactionManager transactions, ConnectedSystems systems,
                  MappingHolder mapping, CommandCodec codec, OutboxRepository outbox, DatabaseServer database,
                  SyncProperties properties, Clock clock, SyncMetrics metrics, EventObserver observer,
                  IngestFlood flood) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        SyncProperties.Workers w = properties.workers();
        SyncProperties.Dispatch d = properties.dispatch();
        LinkedIdentityLookup identities = new LinkedIdentityLookup(jdbc, systems.identityResolvers());
        for (int i = 0; i < w.inboundThreads(); i++) {
            workers.add(new InboundWorker(jdbc, tx, systems, mapping::current, codec, identities, inboundWakeUp, outboxWakeUp::signal,
                    w.batchSize(), w.maxAttempts(), d.pollInterval(), observer, flood, properties.ingest().floodYield()));
        }
        for (SystemId target : systems.targets()) {
            // One wake-up per target, shared by its dispatchers: a signal wakes one of them, and one that is
            // busy sending leaves the next round to another.
            WakeUp own = new WakeUp();
            outboxWakeUp.alsoWake(own);
            systems.writer(target.value()).ifPresent(writer -> {
                for (int i = 0; i < d.threads(); i++) {
                    dispatchers.add(new TargetDispatcher(target.value(), writer, outbox, tx, own, clock, d.maxAttempts(),
                            d.initialBackoff(), d.maxBackoff(), d.lease(), d.pollInterval(), metrics,
                            systems.budget(target.value()).<BackfillTurns>map(b -> b.backfillTurns(LIVE_RESERVE))
                                    .orElse(ALWAYS), d.backfillFill()));
                }
            });
        }
        if (d.threads() == 0) {
            log.warn("SYNC_DISPATCH_THREADS=0: this instance sends nothing to {}; commands wait in the outbox for an "
                    + "instance that dispatches", systems.targets());
        }
        listener = new NotificationListener(database.jdbcUrl(), database.user(), database.password(),
                Map.of("inbound_ready", inboundWakeUp, OutboxWriter.CHANNEL, outboxWakeUp));
    }

    /** Called by the ingest store right after a commit in this instance: no need to wait for NOTIFY. */
    public void inboundCommitted() {
        inboundWakeUp.signal();
    }

    @Override
    public void start() {
        running = true;
        start("notify-listener", listener);
        for (int i = 0; i < workers.size(); i++) {
            start("inbound-worker-" + i, workers.get(i));
        }
        for (int i = 0; i < dispatchers.size(); i++) {
            start("dispatcher-" + dispatchers.get(i).target() + "-" + i, dispatchers.get(i));
        }
    }

    private void start(String name, Runnable runnable) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
    }

    @Override
    public void stop() {
        running = false;
        listener.stop();
        workers.forEach(InboundWorker::stop);
        dispatchers.forEach(TargetDispatcher::stop);
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
