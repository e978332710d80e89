package dev.crmsync.bench;

import static dev.crmsync.bench.Stats.median;
import static dev.crmsync.bench.Stats.say;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * Issue 9 #4: how much of a vendor's budget a backfill turns into records. The {@code instantly-to-crm} job
 * over {@code --leads} Instantly leads into the HubSpot simulator (limited to {@code --hubspot-limit} requests
 * per 10 s), with the service's default budgets; then, if asked, {@code crm-to-instantly} into the Instantly
 * simulator at its documented limit (100 requests/s, 6,000/min). Figures over the steady state (the run
 * without its first and last {@code --edge} seconds): records/s as a share of the ceiling (requests/s x
 * records per request), the share of calls answered 429, and what the busiest rolling window left of the
 * vendor's budget. A trickle of live webhooks during the forward run shows whether live traffic still
 * gets through.
 */
@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = "Backfill against vendor budgets: records/s of the ceiling, 429s, budget left to live traffic")
final class BackfillBench implements Callable<Integer> {
    /** Inputs per HubSpot batch upsert (HubSpot's maximum). */
    static final int HUBSPOT_BATCH = 100;
    /** Instantly's interest updates name one lead each. */
    static final int INSTANTLY_BATCH = 1;
    private static final int REQUESTS = 0;
    private static final int REFUSED = 1;
    private static final int RECORDS = 2;
    /** Where the vendor counts it: the most calls its rolling window held at an admission since the last sample. */
    private static final int BUSIEST = 3;

    @Mixin
    CommonOptions common;

    @Option(names = "--leads", defaultValue = "50000", description = "Instantly leads per instantly-to-crm run")
    int leads;

    @Option(names = "--hubspot-limit", defaultValue = "100", description = "the HubSpot simulator's requests per 10 s")
    int hubspotLimit;

    @Option(names = "--edge", defaultValue = "10", description = "seconds left out at each end of a run (ramp-up, tail)")
    double edge;

    @Option(names = "--live-every", defaultValue = "5", description = "seconds between live webhooks during a run; 0: none")
    double liveEvery;

    @Option(names = "--reverse-leads", defaultValue = "5000",
            description = "HubSpot contacts per crm-to-instantly run; 0 skips that direction")
    int reverseLeads;

    @Option(names = "--sql", description = "statements to run on the service's database once it is up (what-if "
            + "experiments, e.g. an index); printed with the results")
    List<String> sql = List.of();

    /** One run's figures; {@code left} is the share of the vendor's window budget the busiest / median window left. */
    record Run(double jobSeconds, double seconds, double recordsPerSecond, double ofCeiling, long calls, long refused, double refusedShare,
               double minLeft, double medianLeft, List<Double> liveDelays) {
        @Override
        public String toString() {
            return Stats.f("%,.0f records/s = %.3f of ceiling; %,d calls, 429s %d (%.2f %%); budget left: busiest window "
                            + "%.1f %%, median window %.1f %%%s; job ended after %.0f s, all records there after %.0f s", recordsPerSecond, ofCeiling,
                    calls, refused, 100 * refusedShare, 100 * minLeft, 100 * medianLeft, liveDelays.isEmpty() ? ""
                            : Stats.f("; live webhook -> HubSpot p50 %.1f s max %.1f s (%d sent)", median(liveDelays),
                            liveDelays.stream().mapToDouble(d -> d).max().orElse(Double.NaN), liveDelays.size()), jobSeconds, seconds);
        }
    }

    @Override
    public Integer call() throws Exception {
        try (BackfillRig rig = new BackfillRig(common, hubspotLimit, false, List.of())) {
            say("# backfill bench %s; %d cores; %d runs; HubSpot simulator %d requests / 10 s, Instantly simulator 100/s "
                            + "and 6,000/min; service default budgets; service started in %.1f s",
                    Instant.now(), Runtime.getRuntime().availableProcessors(), common.runs, hubspotLimit,
                    rig.service.startupSeconds());
            for (String statement : sql) {
                say("# experiment on the service's database: %s", statement);
                rig.db.executeService(statement);
            }
            List<Run> forward = new ArrayList<>();
            double hubspotCeiling = hubspotLimit / 10.0 * HUBSPOT_BATCH;
            for (int r = 0; r < common.runs; r++) {
                Run run = instantlyToHubSpot(rig, "bf" + r + "-", hubspotCeiling);
                forward.add(run);
                say("instantly-to-crm run %d (%,d leads, ceiling %,.0f records/s): %s", r + 1, leads, hubspotCeiling, run);
            }
            List<Run> reverse = new ArrayList<>();
            double instantlyCeiling = 100.0 * INSTANTLY_BATCH;
            for (int r = 0; r < (reverseLeads > 0 ? common.runs : 0); r++) {
                Run run = crmToInstantly(rig, "rv" + r + "-", instantlyCeiling);
                reverse.add(run);
                say("crm-to-instantly run %d (%,d contacts, ceiling %,.0f records/s): %s", r + 1, reverseLeads,
                        instantlyCeiling, run);
            }
            say("");
            say("| figure (median of %d) | instantly-to-crm -> HubSpot | crm-to-instantly -> Instantly |", common.runs);
            say("|---|---|---|");
            row("records/s in steady state", forward, reverse, r -> Stats.f("%,.0f", r.recordsPerSecond()));
            row("share of the ceiling (requests/s x records per request)", forward, reverse,
                    r -> Stats.f("%.3f", r.ofCeiling()));
            row("calls answered 429, steady state", forward, reverse, r -> Stats.f("%.2f %%", 100 * r.refusedShare()));
            row("budget left to live traffic, busiest window", forward, reverse, r -> Stats.f("%.1f %%", 100 * r.minLeft()));
            row("budget left to live traffic, median window", forward, reverse, r -> Stats.f("%.1f %%", 100 * r.medianLeft()));
        }
        return 0;
    }

    private void row(String figure, List<Run> forward, List<Run> reverse, Function<Run, String> format) {
        say("| %s | %s | %s |", figure, medianRun(forward, format), medianRun(reverse, format));
    }

    /** The figure of each run, median first: "0.912 (0.905, 0.920)". */
    private static String medianRun(List<Run> runs, Function<Run, String> format) {
        if (runs.isEmpty()) {
            return "not run";
        }
        List<String> each = runs.stream().map(format).toList();
        List<String> sorted = new ArrayList<>(each);
        sorted.sort(Comparator.comparingDouble(s -> Double.parseDouble(s.replaceAll("[^0-9.]", ""))));
        return sorted.get(sorted.size() / 2) + " (runs: " + String.join(", ", each) + ")";
    }

    private Run instantlyToHubSpot(BackfillRig rig, String prefix, double ceiling) throws Exception {
        String campaign = rig.interestedLeads(prefix, leads);
        long target = rig.hubspot.contactCount() + leads;
        try (LiveTrickle live = new LiveTrickle(rig, prefix, liveEvery);
             Timeline timeline = new Timeline(100, rig.hubspot::requestCount, rig.hubspot::rateLimitedCount,
                     () -> rig.hubspot.contactCount() - live.delivered(), rig.hubspot::takeBusiestWindow)) {
            JsonNode end = rig.awaitJob(rig.startJob("instantly-to-crm", Map.of("campaignIds", List.of(campaign))),
                    Duration.ofMinutes(60));
            requireCompleted(end, leads);
            double jobEnd = timeline.now();
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            while (rig.hubspot.contactCount() - live.delivered() < target && System.nanoTime() < deadline) {
                ServiceProcess.sleep(100);
            }
            live.close();
            rig.awaitQuiet(Duration.ofMinutes(5));
            timeline.close();
            return figures(timeline, jobEnd, target, ceiling, hubspotLimit, 10, live.delays());
        }
    }

    private Run crmToInstantly(BackfillRig rig, String prefix, double ceiling) throws Exception {
        Instant since = Instant.now().minusSeconds(1);
        Instant changed = Instant.now();
        for (int i = 0; i < reverseLeads; i++) {
            String email = prefix + i + "@crm.example";
            rig.instantly.addLead(email, null);
            rig.hubspot.importContact(email, Map.of("lifecyclestage", "opportunity"), changed);
        }
        LongSupplier updates = () -> rig.instantly.requestsByOperation().getOrDefault("leads/update-interest-status", 0);
        long before = updates.getAsLong();
        try (Timeline timeline = new Timeline(100, rig.instantly::requestCount, rig.instantly::rateLimitedCount, updates)) {
            JsonNode end = rig.awaitJob(rig.startJob("crm-to-instantly", Map.of("since", since.toString())),
                    Duration.ofMinutes(60));
            requireCompleted(end, reverseLeads);
            double jobEnd = timeline.now();
            rig.awaitQuiet(Duration.ofMinutes(30));
            timeline.close();
            return figures(timeline, jobEnd, before + reverseLeads, ceiling, 100, 1, List.of());
        }
    }

    private static void requireCompleted(JsonNode end, long expected) {
        if (!"COMPLETED".equals(end.path("status").asString()) || end.path("readCount").asLong() < expected) {
            throw new IllegalStateException("job did not complete as expected: " + end);
        }
    }

    /**
     * From the first request of the run until the target held {@code records} records: records/s over the steady
     * state, 429s, and per rolling window of {@code windowSeconds} the share of {@code windowLimit} left unused.
     */
    private Run figures(Timeline t, double jobEnd, long records, double ceiling, int windowLimit, double windowSeconds,
                        List<Double> liveDelays) {
        long requestsBefore = t.at(REQUESTS, 0);
        double first = t.firstTime(REQUESTS, n -> n > requestsBefore);
        double done = t.firstTime(RECORDS, n -> n >= records);
        if (Double.isNaN(done)) {
            throw new IllegalStateException("the target never held all " + records + " records");
        }
        double from = first + edge;
        double to = done - edge;
        if (to - from < windowSeconds) {
            from = first;
            to = done;
        }
        double rate = t.delta(RECORDS, from, to) / (to - from);
        long calls = t.delta(REQUESTS, from, to);
        long refused = t.delta(REFUSED, from, to);
        double windowsFrom = Math.max(from, first + windowSeconds);
        List<Double> left = t.windows(REQUESTS, windowsFrom, to, windowSeconds).stream()
                .map(n -> 1 - (double) n / windowLimit).toList();
        // Windows from 100 ms samples can be up to 100 ms wider than the vendor's; HubSpot's simulator counts the
        // busiest one exactly, at each admission.
        double minLeft = t.counters() > BUSIEST ? 1 - (double) t.max(BUSIEST, windowsFrom, to) / windowLimit
                : left.stream().mapToDouble(d -> d).min().orElse(Double.NaN);
        return new Run(jobEnd - first, done - first, rate, rate / ceiling, calls, refused,
                calls + refused == 0 ? 0 : (double) refused / (calls + refused), minLeft, median(left), liveDelays);
    }

    /** One live {@code lead_interested} webhook every {@code everySeconds}; notes how long each took to reach HubSpot. */
    private static final class LiveTrickle implements AutoCloseable {
        private final Map<String, Long> posted = new ConcurrentHashMap<>();
        private final List<Double> delays = new ArrayList<>();
        private final Thread thread;
        private volatile boolean running = true;

        LiveTrickle(BackfillRig rig, String prefix, double everySeconds) {
            thread = new Thread(() -> {
                long next = System.nanoTime();
                int n = 0;
                long stop = Long.MAX_VALUE;
                while (everySeconds > 0 && (running || (!posted.isEmpty() && System.nanoTime() < stop))) {
                    if (!running && stop == Long.MAX_VALUE) {
                        stop = System.nanoTime() + 10_000_000_000L;
                    }
                    if (running && System.nanoTime() >= next) {
                        String email = prefix + "live" + (n++) + "@live.example";
                        try {
                            posted.put(email, System.nanoTime());
                            rig.webhook("lead_interested", email, Map.of("interest_value", 1));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        next += (long) (everySeconds * 1e9);
                    }
                    posted.forEach((email, at) -> rig.hubspot.contact(email).ifPresent(c -> {
                        synchronized (delays) {
                            delays.add((System.nanoTime() - at) / 1e9);
                        }
                        posted.remove(email);
                    }));
                    ServiceProcess.sleep(50);
                }
            }, "live-trickle");
            thread.setDaemon(true);
            thread.start();
        }

        /** Live webhooks whose contact HubSpot holds so far. */
        long delivered() {
            synchronized (delays) {
                return delays.size();
            }
        }

        List<Double> delays() {
            synchronized (delays) {
                return List.copyOf(delays);
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (!running) {
                return;
            }
            running = false;
            thread.join();
            if (!posted.isEmpty()) {
                say("live webhooks never seen in HubSpot: %d", posted.size());
            }
        }
    }
}
