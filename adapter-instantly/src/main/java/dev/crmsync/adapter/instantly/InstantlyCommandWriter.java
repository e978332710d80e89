package dev.crmsync.adapter.instantly;

import dev.crmsync.core.model.Command;
import dev.crmsync.core.spi.CommandWriter;
import dev.crmsync.core.spi.OutboundItem;
import dev.crmsync.core.spi.PermanentAdapterException;
import dev.crmsync.core.spi.TransientAdapterException;
import dev.crmsync.core.spi.WriteOutcome;
import dev.crmsync.core.spi.WriteResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes upserts to Instantly in the vocabulary of {@link InstantlyUpdate}, in as few calls as the
 * API allows, in this order:
 * <ol>
 *   <li>one {@code leads/list} lookup (by {@code contacts}) for everyone whose lead fields are set or
 *       whose sequence is stopped;</li>
 *   <li>{@code leads/update-interest-status} per person (Instantly has no bulk form);</li>
 *   <li>{@code leads/patch} per lead record for lead fields and custom variables;</li>
 *   <li>one {@code block-lists-entries/bulk-create} for everyone blocked; if Instantly refuses the
 *       bulk, each value is sent alone so only the bad one fails;</li>
 *   <li>stopping sequences last, so a patch lands before the lead leaves its campaign: one
 *       {@code leads/move} of every active record into the configured list, or else a
 *       {@code leads/delete} per active record.</li>
 * </ol>
 * Activities fail permanently: Instantly has no activity records. When nothing in the write was
 * settled because of a transient failure, it throws {@link TransientAdapterException} so every item
 * is retried; otherwise the unsettled items are reported {@code Failed} with that transient error.
 * {@code Written.externalId} is the first lead record's id when one was looked up.
 */
public final class InstantlyCommandWriter implements CommandWriter {
    private static final Logger log = LoggerFactory.getLogger(InstantlyCommandWriter.class);

    private final InstantlyClient client;
    private final int batchSize;
    private final Optional<String> stoppedListId;

    InstantlyCommandWriter(InstantlyClient client, int batchSize, Optional<String> stoppedListId) {
        this.client = client;
        this.batchSize = batchSize;
        this.stoppedListId = stoppedListId;
    }

    /** At most 100 by default: one {@code leads/list} page looks up a whole batch. */
    @Override
    public int maxBatchSize() {
        return batchSize;
    }

    @Override
    public WriteResult write(List<OutboundItem> items) {
        List<WriteItem> work = new ArrayList<>();
        for (OutboundItem item : items) {
            work.add(prepare(item));
        }
        WriteRun run = new WriteRun(client);
        Map<String, List<InstantlyLead>> leads = lookUpLeads(run, work);
        for (WriteItem item : work) {
            if (item.isOpen() && item.update().setsInterest()) {
                run.call(List.of(item), () -> run.api().updateInterestStatus(item.email(), item.update().interestValue()));
            }
        }
        for (WriteItem item : work) {
            if (item.isOpen() && !item.update().patch().isEmpty()) {
                patch(run, item, leads.get(item.email()));
            }
        }
        SuppressionCalls suppression = new SuppressionCalls(run, stoppedListId);
        suppression.blockAll(open(work, InstantlyUpdate::blocks));
        suppression.stopAll(open(work, InstantlyUpdate::stopsSequence), leads);
        Map<String, WriteOutcome> outcomes = new LinkedHashMap<>();
        work.forEach(item -> outcomes.put(item.key(), item.outcome()));
        wholeCallFailure(outcomes).ifPresent(e -> {
            throw e;
        });
        log.debug("Instantly write: {} items in {} calls", items.size(), run.calls().size());
        return new WriteResult(outcomes, run.calls());
    }

    private static WriteItem prepare(OutboundItem item) {
        Command command = item.command();
        String email = command.who().email();
        if (command instanceof Command.Upsert upsert) {
            try {
                return new WriteItem(item.key(), email, InstantlyUpdate.from(upsert));
            } catch (PermanentAdapterException e) {
                return WriteItem.failed(item.key(), email, e);
            }
        }
        return WriteItem.failed(item.key(), email, new PermanentAdapterException("Instantly writer: expected an "
                + "upsert, found a '" + command.kind() + "' command; Instantly has no activity records", 0));
    }

    private static Map<String, List<InstantlyLead>> lookUpLeads(WriteRun run, List<WriteItem> work) {
        List<WriteItem> needing = open(work, InstantlyUpdate::needsLeadRecords);
        Map<String, List<InstantlyLead>> byEmail = new LinkedHashMap<>();
        needing.forEach(item -> byEmail.put(item.email(), new ArrayList<>()));
        run.call(needing, () -> run.api().leadsByEmail(byEmail.keySet()).forEach(lead -> {
            List<InstantlyLead> records = lead.email() == null ? null : byEmail.get(lead.email());
            if (records != null) {
                records.add(lead);
            }
        }));
        needing.forEach(item -> byEmail.getOrDefault(item.email(), List.of()).forEach(lead -> item.knowLead(lead.id())));
        return byEmail;
    }

    private static void patch(WriteRun run, WriteItem item, List<InstantlyLead> records) {
        if (records == null || records.isEmpty()) {
            item.fail(new PermanentAdapterException("Instantly writer: expected a lead with this e-mail to set "
                    + item.update().patch().fields().keySet() + item.update().patch().customVariables().keySet()
                    + " on, found none; Instantly only updates existing leads (add the person to a campaign or list)",
                    0));
            return;
        }
        for (InstantlyLead lead : records) {
            run.call(List.of(item), () -> run.api().patchLead(lead, item.update().patch()));
        }
    }

    static List<WriteItem> open(List<WriteItem> work, Predicate<InstantlyUpdate> wants) {
        return work.stream().filter(item -> item.isOpen() && wants.test(item.update())).toList();
    }

    /** The transient error to throw when nothing in this write was settled, so the dispatcher retries it all. */
    private static Optional<TransientAdapterException> wholeCallFailure(Map<String, WriteOutcome> outcomes) {
        TransientAdapterException first = null;
        for (WriteOutcome outcome : outcomes.values()) {
            if (outcome instanceof WriteOutcome.Failed failed && failed.error() instanceof TransientAdapterException t) {
                first = first == null ? t : first;
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(first);
    }
}
