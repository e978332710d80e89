package dev.crmsync.service.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar sync-service.jar backfill <job> [options]}: starts a job on a running service through
 * the admin API (the default) or runs it in this process ({@code --local}), and shows its progress on
 * one terminal line until it ends. Exit code 0 when the execution completed, 1 when it did not, 2 for
 * bad arguments.
 */
@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = "Runs a backfill job and shows its progress. Jobs: instantly-to-crm, crm-to-instantly, "
                + "dead-letter-replay, reconcile.")
public final class BackfillCommand implements Callable<Integer> {
    static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");

    @Parameters(index = "0", paramLabel = "JOB", description = "instantly-to-crm, crm-to-instantly, "
            + "dead-letter-replay or reconcile")
    String job;

    @Option(names = "--campaign", paramLabel = "ID", description = "Instantly campaign to backfill (repeatable; "
            + "default all leads)")
    List<String> campaigns = new ArrayList<>();

    @Option(names = "--since", description = "only records changed (dead letters created) at or after this "
            + "instant or day, e.g. 2026-11-01")
    String since;

    @Option(names = "--until", description = "dead letters created before this instant or day")
    String until;

    @Option(names = "--target", description = "only this target system (e.g. hubspot)")
    String target;

    @Option(names = "--error-kind", description = "dead-letter-replay: only this error kind")
    String errorKind;

    @Option(names = "--email", paramLabel = "EMAIL", description = "reconcile: this person (repeatable; default "
            + "everyone with a linked identity)")
    List<String> emails = new ArrayList<>();

    @Option(names = "--fix", description = "reconcile: enqueue the corrections instead of only reporting drift")
    boolean fix;

    @Option(names = "--dry-run", description = "report what would change, change nothing")
    boolean dryRun;

    @Option(names = "--service-url", defaultValue = "${env:SYNC_SERVICE_URL:-http://localhost:8080}",
            description = "the running service (default ${DEFAULT-VALUE}; env SYNC_SERVICE_URL)")
    String serviceUrl;

    @Option(names = "--token", defaultValue = "${env:SYNC_ADMIN_TOKEN}",
            description = "admin token (default: env SYNC_ADMIN_TOKEN)")
    String token;

    @Option(names = "--local", description = "run the job in this process against the configured database "
            + "instead of asking a running service")
    boolean local;

    @Option(names = "--poll", defaultValue = "1s", description = "how often progress is refreshed (default ${DEFAULT-VALUE})",
            converter = DurationConverter.class)
    Duration poll;

    private final PrintStream out;

    public BackfillCommand() {
        this(System.out);
    }

    BackfillCommand(PrintStream out) {
        this.out = out;
    }

    /** Runs the command with these arguments; returns the exit code. */
    public static int run(String[] args, PrintStream out) {
        return new CommandLine(new BackfillCommand(out)).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        JobSession session = local ? LocalJobSession.start() : new RemoteJobSession(serviceUrl, token);
        try (session) {
            long id = session.start(job, parameters());
            out.println("started " + job + " as execution " + id + (dryRun ? " (dry run)" : ""));
            ProgressLine progress = new ProgressLine(out);
            while (true) {
                Map<String, Object> execution = session.execution(id);
                if (ENDED.contains(String.valueOf(execution.get("status")))) {
                    progress.finish(execution);
                    session.afterEnd(id, out);
                    return "COMPLETED".equals(execution.get("status")) ? 0 : 1;
                }
                progress.show(execution);
                Thread.sleep(poll.toMillis());
            }
        }
    }

    Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        if (fix) {
            p.put("fix", true);
        } else {
            p.put("dryRun", dryRun);
        }
        if (!campaigns.isEmpty()) {
            p.put("campaignIds", campaigns);
        }
        if (since != null) {
            p.put("since", since);
        }
        if (until != null) {
            p.put("until", until);
        }
        if (target != null) {
            p.put("target", target);
        }
        if (errorKind != null) {
            p.put("errorKind", errorKind);
        }
        if (!emails.isEmpty()) {
            p.put("emails", emails);
        }
        return p;
    }

    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase();
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            return Duration.parse(value);
        }
    }
}
