package dev.crmsync.bench;

import static dev.crmsync.bench.Stats.median;
import static dev.crmsync.bench.Stats.say;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Issue 9 #6, first half: the service as a new user starts it (sandbox, embedded PostgreSQL in a
 * fresh data folder): seconds until {@code /actuator/health} answers, then RSS and heap at rest.
 * (RSS under load and heap after a backlog come from the ingest benchmark.)
 */
@Command(name = "startup", mixinStandardHelpOptions = true,
        description = "Start-up time to healthy with the embedded database; RSS and heap at rest")
final class StartupBench implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private record Start(double seconds, double rss, double heap) {
    }

    @Override
    public Integer call() throws Exception {
        say("# startup bench %s; %d cores; %d fresh starts; JVM options: %s", java.time.Instant.now(),
                Runtime.getRuntime().availableProcessors(), common.runs, common.serviceJvm);
        List<Start> starts = new ArrayList<>();
        for (int r = 0; r < common.runs; r++) {
            Path data = Files.createTempDirectory("crm-sync-bench-startup");
            try (ServiceProcess service = ServiceProcess.start(common.jar(), common.jvmOptions(),
                    Map.of("SYNC_DATA_DIR", data.toString()), common.port)) {
                double seconds = service.startupSeconds();
                ServiceProcess.sleep(common.seconds * 1000L);
                Start s = new Start(seconds, service.rssMiB(), service.heapUsedMiB());
                starts.add(s);
                say("start %d: healthy after %.1f s; %d s later RSS %.0f MiB, heap used %.0f MiB",
                        r + 1, s.seconds(), common.seconds, s.rss(), s.heap());
            } finally {
                try (var files = Files.walk(data)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        say("");
        say("| figure (median of %d) | value |", common.runs);
        say("|---|---|");
        say("| start-up to healthy, embedded PostgreSQL, fresh data folder | %.1f s |", median(starts, Start::seconds));
        say("| RSS at rest (service JVM; PostgreSQL is separate processes) | %.0f MiB |", median(starts, Start::rss));
        say("| heap used at rest | %.0f MiB |", median(starts, Start::heap));
        return 0;
    }
}
