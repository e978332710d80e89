package dev.crmsync.bench;

import static dev.crmsync.bench.Stats.median;
import static dev.crmsync.bench.Stats.say;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Issue 9 #3: how fast the service's inbound workers turn stored events into decisions and outbox
 * commands (rules applied), against the claim-and-complete ceiling of a queue table of the same shape
 * on the same database, measured in the same run. Events are committed in one transaction with a
 * NOTIFY, then timed until the queue is empty.
 */
@Command(name = "drain", mixinStandardHelpOptions = true,
        description = "Worker drain rate: events/s from inbound to outbox, against the queue's own ceiling")
final class DrainBench implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--events", defaultValue = "50000", description = "events per run")
    int events;

    @Option(names = "--persons", defaultValue = "10000", description = "distinct leads the events of one run are about")
    int persons;

    @Option(names = "--same-leads", description = "every run about the same leads, so each run meets the history the "
            + "runs before it left (events/persons more per lead each run) instead of leads of its own")
    boolean sameLeads;

    @Option(names = "--dispatch-threads", defaultValue = "0", description = "SYNC_DISPATCH_THREADS of the service: "
            + "0 measures the workers alone (the commands wait in the outbox); 2 (the default of a service) also sends "
            + "them to the simulators while draining, and HubSpot's webhooks of those writes come back as events")
    int dispatchThreads;

    @Option(names = "--ceiling-threads", defaultValue = "4", description = "workers of the queue ceiling")
    int ceilingThreads;

    @Override
    public Integer call() throws Exception {
        try (BenchDatabase db = BenchDatabase.start()) {
            say("# drain bench %s; %d cores; %d runs of %,d events on %,d leads; fsync=on synchronous_commit=on; "
                            + "SYNC_DISPATCH_THREADS=%d; %s", java.time.Instant.now(), Runtime.getRuntime().availableProcessors(),
                    common.runs, events, persons, dispatchThreads, sameLeads ? "every run on the same leads"
                            : "each run on leads of its own");
            QueueCeiling ceiling = new QueueCeiling(db);
            Map<String, String> env = new LinkedHashMap<>(common.serviceEnv());
            env.put("SYNC_DB_URL", db.serviceJdbcUrl());
            env.put("SYNC_DB_USER", "postgres");
            env.put("SYNC_DISPATCH_THREADS", Integer.toString(dispatchThreads));
            env.put("SYNC_DATA_DIR", Files.createTempDirectory("crm-sync-bench-service").toString());
            List<Double> ceilings = new ArrayList<>();
            List<Double> drains = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            try (ServiceProcess service = ServiceProcess.start(common.jar(), common.jvmOptions(), env, common.port);
                 Backlog backlog = new Backlog(db)) {
                drain(db, backlog, "warmup", events); // the JIT compiles the rules path meanwhile
                for (int r = 0; r < common.runs; r++) {
                    double c = ceiling.rowsPerSecond(events, ceilingThreads, 200);
                    double d = drain(db, backlog, "run" + r, events);
                    ceilings.add(c);
                    drains.add(d);
                    ratios.add(d / c);
                    say("run %d: queue ceiling (%d workers, claim 200 + delete) %,8.0f rows/s   service drain %,8.0f events/s   ratio %.2f",
                            r + 1, ceilingThreads, c, d, d / c);
                }
                say("");
                say("| figure | median of %d | ratio |", common.runs);
                say("|---|---|---|");
                say("| queue claim-and-complete ceiling, %d workers | %,.0f rows/s | reference |", ceilingThreads, median(ceilings));
                say("| service drain, inbound to outbox with rules | %,.0f events/s | %.2f of ceiling (median of per-run ratios) |",
                        median(drains), median(ratios));
                say("| outbox commands written per event (last run) | %.2f | |", commandsPerEvent(db, "run" + (common.runs - 1)));
            }
        }
        return 0;
    }

    /**
     * Commits {@code count} stored events at once ({@link StoredEvents}) and times the workers until the queue is
     * empty. Each run is about leads of its own (unless {@code --same-leads}), so every run meets the same history
     * per lead and the runs compare.
     */
    private double drain(BenchDatabase db, Backlog backlog, String run, int count) throws Exception {
        StoredEvents.commit(db, run, sameLeads ? "drain-" : run + "-", count, persons);
        long start = System.nanoTime();
        while (!backlog.isEmpty()) {
            ServiceProcess.sleep(50);
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static double commandsPerEvent(BenchDatabase db, String run) throws Exception {
        long commands = db.serviceLong("select count(*) from outbound_command c join inbound_event e "
                + "on e.id = c.inbound_event_id where e.dedup_key like '" + run + "-%'");
        long stored = db.serviceLong("select count(*) from inbound_event where dedup_key like '" + run + "-%'");
        return stored == 0 ? Double.NaN : (double) commands / stored;
    }
}
