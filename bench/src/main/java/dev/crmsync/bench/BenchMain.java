package dev.crmsync.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bench/run.sh <benchmark> [options]}: see {@code docs/BENCHMARKS.md} for what each measures. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {IngestBench.class, DrainBench.class, LatencyBench.class, StartupBench.class, BackfillBench.class, CallsBench.class},
        description = "Issue 9 benchmarks against limits measured in the same run")
public final class BenchMain {
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }
}
