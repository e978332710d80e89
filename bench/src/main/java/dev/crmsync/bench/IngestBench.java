package dev.crmsync.bench;

import static dev.crmsync.bench.Stats.median;
import static dev.crmsync.bench.Stats.say;

import dev.crmsync.testkit.load.WebhookLoadGenerator;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Issue 9 #1 and #6: durable webhook acknowledgements of the service, beside the limits of the same
 * database and machine measured in the same run (PostgreSQL single-row and 100-row commits, and a bare
 * JDK HTTP server with group commit), then the service at fixed offered rates; memory and start-up.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Durable ingest: acknowledged webhooks/s and latency against in-run ceilings; memory")
final class IngestBench implements Callable<Integer> {
    static final String SECRET = "sandbox-webhook-secret";

    @Mixin
    CommonOptions common;

    @Option(names = "--rates", split = ",", defaultValue = "500,2000,8000", description = "open-loop offered rates per second")
    List<Integer> rates;

    @Option(names = "--connections", defaultValue = "64", description = "load generator connections")
    int connections;

    /** HubSpot's simulator at the Pro/Enterprise figure; the service keeps its default budget. */
    private static final int HUBSPOT_PER_TEN_SECONDS = 190;

    @Override
    public Integer call() throws Exception {
        Duration run = Duration.ofSeconds(common.seconds);
        // The vendors are simulators in this JVM, not the service's sandbox: in sandbox mode they would live in
        // the service's JVM and keep every write, and the service's memory figures would be theirs.
        try (BackfillRig rig = new BackfillRig(common, HUBSPOT_PER_TEN_SECONDS, false, List.of())) {
            BenchDatabase db = rig.db;
            ServiceProcess service = rig.service;
            say("# ingest bench %s; %d cores; %d runs of %d s; fsync=on synchronous_commit=on (checked with SHOW)",
                    java.time.Instant.now(), Runtime.getRuntime().availableProcessors(), common.runs, common.seconds);
            PgCeilings pg = new PgCeilings(db);
            List<Double> single = new ArrayList<>();
            List<Double> batched = new ArrayList<>();
            for (int r = 0; r < common.runs; r++) {
                single.add(pg.rowsPerSecond(8, 1, run));
                batched.add(pg.rowsPerSecond(8, 100, run));
                say("postgres   run %d: single-row commits, 8 threads: %,8.0f rows/s   100-row commits, 8 threads: %,8.0f rows/s",
                        r + 1, single.get(r), batched.get(r));
            }
            try (BareGroupCommitServer.Child bare = BareGroupCommitServer.inOwnJvm(db.jdbcUrl(), SECRET, connections,
                    common.jvmOptions()); Backlog backlog = new Backlog(db)) {
                say("service    started (external database, vendors simulated in the bench JVM) in %.1f s; at rest: "
                        + "RSS %.0f MiB, heap used %.0f MiB", service.startupSeconds(), service.rssMiB(), service.heapUsedMiB());
                WebhookLoadGenerator toBare = new WebhookLoadGenerator(URI.create(bare.url()), SECRET);
                WebhookLoadGenerator toService = new WebhookLoadGenerator(URI.create(service.url("/webhooks/instantly")), SECRET);
                toBare.run(0, connections, Duration.ofSeconds(5));
                // The JIT needs longer on a busy machine; the first measured runs were visibly slower without this.
                toService.run(0, connections, Duration.ofSeconds(15));
                backlog.awaitDrained();
                List<WebhookLoadGenerator.Result> bareRuns = new ArrayList<>();
                List<WebhookLoadGenerator.Result> serviceRuns = new ArrayList<>();
                List<Double> ratios = new ArrayList<>();
                RssSampler rss = new RssSampler(service);
                for (int r = 0; r < common.runs; r++) {
                    WebhookLoadGenerator.Result b = toBare.run(0, connections, run);
                    backlog.awaitDrained();
                    WebhookLoadGenerator.Result s = rss.during(() -> toService.run(0, connections, run));
                    bareRuns.add(b);
                    serviceRuns.add(s);
                    ratios.add(s.ackedPerSecond() / b.ackedPerSecond());
                    say("bare       %s", b);
                    say("service    %s   ratio to bare %.2f", s, ratios.get(r));
                    say("service    backlog left by the run planned %.1f s after it", backlog.awaitDrained());
                }
                Map<Integer, List<WebhookLoadGenerator.Result>> fixed = new LinkedHashMap<>();
                Map<Integer, List<WebhookLoadGenerator.Result>> bareFixed = new LinkedHashMap<>();
                for (int rate : rates) {
                    for (int r = 0; r < common.runs; r++) {
                        // The bare server at the same rate: the latency this machine and disk give without the service.
                        WebhookLoadGenerator.Result b = toBare.run(rate, connections, run);
                        bareFixed.computeIfAbsent(rate, k -> new ArrayList<>()).add(b);
                        say("bare       %s", b);
                        WebhookLoadGenerator.Result s = rss.during(() -> toService.run(rate, connections, run));
                        fixed.computeIfAbsent(rate, k -> new ArrayList<>()).add(s);
                        say("service    %s", s);
                        backlog.awaitDrained();
                    }
                }
                service.collectGarbage();
                double heapAfter = service.heapUsedMiB();
                double rssAfter = service.rssMiB();
                say("");
                say("## medians of %d runs", common.runs);
                say("| figure | median | ratio |");
                say("|---|---|---|");
                double singleMedian = median(single);
                double bareMedian = median(bareRuns, WebhookLoadGenerator.Result::ackedPerSecond);
                say("| PostgreSQL single-row durable commits, 8 threads | %,.0f rows/s | |", singleMedian);
                say("| PostgreSQL 100-row commits, 8 threads | %,.0f rows/s | |", median(batched));
                say("| bare JDK server with group commit, saturation | %,.0f acks/s (p50 %.1f ms, p99 %.1f ms) | reference |",
                        bareMedian, median(bareRuns, WebhookLoadGenerator.Result::p50Millis),
                        median(bareRuns, WebhookLoadGenerator.Result::p99Millis));
                double serviceMedian = median(serviceRuns, WebhookLoadGenerator.Result::ackedPerSecond);
                say("| service, saturation (%d connections) | %,.0f acks/s (p50 %.1f ms, p99 %.1f ms) | %.2f of bare (median of per-run ratios), %.2f of single-row commits |",
                        connections, serviceMedian, median(serviceRuns, WebhookLoadGenerator.Result::p50Millis),
                        median(serviceRuns, WebhookLoadGenerator.Result::p99Millis), median(ratios),
                        serviceMedian / singleMedian);
                for (var e : fixed.entrySet()) {
                    List<WebhookLoadGenerator.Result> rs = e.getValue();
                    double acked = median(rs, WebhookLoadGenerator.Result::ackedPerSecond);
                    List<WebhookLoadGenerator.Result> bs = bareFixed.get(e.getKey());
                    say("| service, open loop %,d/s | %,.0f acks/s, p50 %.1f ms, p99 %.1f ms, failed %d | %.2f of offered, %.2f of bare; bare at this rate: p50 %.1f ms, p99 %.1f ms |",
                            e.getKey(), acked, median(rs, WebhookLoadGenerator.Result::p50Millis),
                            median(rs, WebhookLoadGenerator.Result::p99Millis),
                            rs.stream().mapToLong(WebhookLoadGenerator.Result::failed).sum(), acked / e.getKey(),
                            acked / bareMedian, median(bs, WebhookLoadGenerator.Result::p50Millis),
                            median(bs, WebhookLoadGenerator.Result::p99Millis));
                }
                say("| service RSS: at rest after start / max under load / after load and GC | %.0f / %.0f / %.0f MiB | |",
                        rss.atRest(), rss.max(), rssAfter);
                say("| service heap used after load, backlog drained, full GC | %.0f MiB | |", heapAfter);
            }
        }
        return 0;
    }
}
