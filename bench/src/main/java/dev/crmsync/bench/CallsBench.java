package dev.crmsync.bench;

import static dev.crmsync.bench.Stats.median;
import static dev.crmsync.bench.Stats.say;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Issue 9 #5: vendor calls per record. {@code --records} distinct Instantly leads backfilled into HubSpot and,
 * separately, into Salesforce ({@code instantly-to-crm} with one target each), counted at the simulators
 * per operation, with the reads among them (a read before a write would show here); then {@code --events}
 * stored {@code email_opened} events about {@code --persons} leads, committed at once (coalescing). The
 * service keeps its default budgets; Salesforce's change-feed poller is off so only writes are counted.
 */
@Command(name = "calls", mixinStandardHelpOptions = true,
        description = "Vendor calls per record: distinct records to HubSpot and Salesforce, and events on few records")
final class CallsBench implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--records", defaultValue = "20000", description = "distinct leads per backfill run")
    int records;

    @Option(names = "--events", defaultValue = "10000", description = "events per coalescing run")
    int events;

    @Option(names = "--persons", defaultValue = "50", description = "leads the coalescing events are about")
    int persons;

    @Option(names = "--salesforce-upsert-field", defaultValue = "",
            description = "SALESFORCE_UPSERT_FIELD for the service (e.g. Email); empty: look people up first")
    String upsertField;

    @Option(names = "--hubspot-limit", defaultValue = "100", description = "the HubSpot simulator's requests per 10 s")
    int hubspotLimit;

    private record Count(long calls, long reads, long units, Map<String, Integer> byOperation) {
        double perUnit() {
            return (double) calls / units;
        }
    }

    @Override
    public Integer call() throws Exception {
        List<String> settings = new ArrayList<>(List.of("sync.poll.enabled=false"));
        if (!upsertField.isBlank()) {
            settings.add("sync.adapters.salesforce.upsert-field=" + upsertField);
        }
        try (BackfillRig rig = new BackfillRig(common, hubspotLimit, true, settings)) {
            say("# calls bench %s; %d cores; %d runs; HubSpot simulator %d requests / 10 s; service default budgets; "
                            + "Salesforce %s; service started in %.1f s", Instant.now(), Runtime.getRuntime().availableProcessors(),
                    common.runs, hubspotLimit, upsertField.isBlank() ? "looks people up (contact-first)"
                            : "upserts Leads by " + upsertField, rig.service.startupSeconds());
            List<Count> hubspot = new ArrayList<>();
            List<Count> salesforce = new ArrayList<>();
            List<Count> coalesced = new ArrayList<>();
            for (int r = 0; r < common.runs; r++) {
                Count h = backfill(rig, "hs" + r + "-", "hubspot", () -> rig.hubspot.requestsByOperation());
                hubspot.add(h);
                say("run %d HubSpot:    %,d calls for %,d distinct records = %.4f per record; reads %d; %s",
                        r + 1, h.calls(), h.units(), h.perUnit(), h.reads(), h.byOperation());
                Count s = backfill(rig, "sf" + r + "-", "salesforce", () -> rig.salesforce.callCounts());
                salesforce.add(s);
                say("run %d Salesforce: %,d calls for %,d distinct records = %.4f per record; queries %d; %s",
                        r + 1, s.calls(), s.units(), s.perUnit(), s.reads(), s.byOperation());
                Count c = coalesce(rig, "co" + r);
                coalesced.add(c);
                say("run %d coalescing: %,d HubSpot calls for %,d events on %d leads = %.4f per event, %.2f per lead; %s",
                        r + 1, c.calls(), c.units(), persons, c.perUnit(), (double) c.calls() / persons, c.byOperation());
            }
            say("");
            say("| figure (median of %d) | calls per record | target |", common.runs);
            say("|---|---|---|");
            say("| HubSpot, %,d distinct records (backfill) | %.4f (reads: %.0f) | <= 0.0125, no read before a write |",
                    records, median(hubspot, Count::perUnit), median(hubspot, Count::reads));
            say("| Salesforce, %,d distinct records (backfill) | %.4f (queries: %.0f) | <= 0.006 |",
                    records, median(salesforce, Count::perUnit), median(salesforce, Count::reads));
            say("| HubSpot, %,d events on %d leads, committed at once | %.4f per event (%.2f per lead) | |",
                    events, persons, median(coalesced, Count::perUnit), median(coalesced, c -> (double) c.calls() / persons));
        }
        return 0;
    }

    /** Backfills {@code records} new leads into one target and counts that target's calls by operation. */
    private Count backfill(BackfillRig rig, String prefix, String target, Supplier<Map<String, Integer>> operations)
            throws Exception {
        String campaign = rig.interestedLeads(prefix, records);
        Map<String, Integer> before = operations.get();
        var end = rig.awaitJob(rig.startJob("instantly-to-crm", Map.of("campaignIds", List.of(campaign), "target", target)),
                Duration.ofMinutes(60));
        if (!"COMPLETED".equals(end.path("status").asString())) {
            throw new IllegalStateException("backfill into " + target + " did not complete: " + end);
        }
        rig.awaitQuiet(Duration.ofMinutes(30));
        return count(before, operations.get(), records);
    }

    /** Commits {@code events} opens about {@code persons} new leads at once and counts HubSpot's calls until all are sent. */
    private Count coalesce(BackfillRig rig, String run) throws Exception {
        Map<String, Integer> before = rig.hubspot.requestsByOperation();
        StoredEvents.commit(rig.db, run, run + "-", events, persons);
        rig.awaitQuiet(Duration.ofMinutes(30));
        return count(before, rig.hubspot.requestsByOperation(), events);
    }

    /** Calls between two snapshots; reads are HubSpot's reads and searches, Salesforce's queries. */
    private static Count count(Map<String, Integer> before, Map<String, Integer> after, long units) {
        Map<String, Integer> delta = new TreeMap<>();
        after.forEach((op, n) -> {
            int d = n - before.getOrDefault(op, 0);
            if (d > 0) {
                delta.put(op, d);
            }
        });
        long calls = delta.values().stream().mapToLong(Integer::longValue).sum();
        long reads = delta.entrySet().stream().filter(e -> isRead(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        return new Count(calls, reads, units, delta);
    }

    private static boolean isRead(String operation) {
        String op = operation.toLowerCase(Locale.ROOT);
        return op.contains("read") || op.contains("search") || op.contains("get") || op.contains("query")
                || op.contains("list") || op.contains("describe") || op.contains("retrieve");
    }
}
