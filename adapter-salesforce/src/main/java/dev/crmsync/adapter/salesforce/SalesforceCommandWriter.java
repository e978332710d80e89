package dev.crmsync.adapter.salesforce;

import dev.crmsync.core.model.Command;
import dev.crmsync.core.spi.AdapterException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a round of up to {@code lookup-batch-size} commands (2,000 by default) to Salesforce:
 * <ol>
 *   <li>everyone in the round is looked up by email ({@link PersonLookup}: one query per object for the whole
 *       round, so the look-ups cost two calls per 2,000 people rather than per 200);</li>
 *   <li>their fields are written ({@link PersonWrites}): found records updated, the others created as Leads;
 *       a person with only an activity is written with no fields, so the Task has a record to hang on;</li>
 *   <li>activities become Tasks upserted by their key ({@link TaskWrites}).</li>
 * </ol>
 * Each item's outcome is its own (a record refused for a bad picklist value is dead-lettered with Salesforce's
 * status code and message, the rest written). {@code Written.externalId} is the Lead or Contact id for upserts
 * and the Task id for activities. Writes go in calls of {@code batch-size} records (200, Salesforce's most);
 * once one call fails, the calls after it are not made and their items fail with its error ({@link CallParts}).
 * When nothing in the round was settled and the failures are transient, the write throws so the dispatcher
 * retries every item.
 */
public final class SalesforceCommandWriter implements CommandWriter {
    private static final Logger log = LoggerFactory.getLogger(SalesforceCommandWriter.class);

    private final PersonLookup lookup;
    private final PersonWrites people;
    private final TaskWrites tasks;
    private final SalesforceOrgFields org;
    private final int batchSize;
    private final int lookupBatchSize;

    /**
     * @param batchSize       records per create, update or upsert call
     * @param lookupBatchSize commands per write, everyone in them looked up together
     */
    SalesforceCommandWriter(SalesforceCalls calls, SalesforceOrgFields org, String clientName, int batchSize,
                            int lookupBatchSize) {
        this.lookup = new PersonLookup(calls, org);
        this.people = new PersonWrites(calls, org, clientName);
        this.tasks = new TaskWrites(calls, org.taskKeyField());
        this.org = org;
        this.batchSize = batchSize;
        this.lookupBatchSize = lookupBatchSize;
    }

    @Override
    public int maxBatchSize() {
        return lookupBatchSize;
    }

    @Override
    public WriteResult write(List<OutboundItem> items) {
        CallLog calls = new CallLog();
        Map<String, WriteOutcome> outcomes = new LinkedHashMap<>();
        Map<String, Map<String, String>> fieldsByEmail = new LinkedHashMap<>();
        List<OutboundItem> upserts = new ArrayList<>();
        List<OutboundItem> activities = new ArrayList<>();
        for (OutboundItem item : items) {
            String email = item.command().who().email();
            Map<String, String> fields = fieldsByEmail.computeIfAbsent(email, e -> new LinkedHashMap<>());
            if (item.command() instanceof Command.Upsert upsert) {
                fields.putAll(upsert.fields());
                upserts.add(item);
            } else {
                activities.add(item);
            }
        }
        Map<String, PersonRecord> found = lookup.find(fieldsByEmail.keySet(), calls);
        List<PersonWrites.Input> inputs = new ArrayList<>();
        fieldsByEmail.forEach((email, fields) -> {
            PersonRecord existing = existing(found, email);
            // A person with only an activity needs a record for the Task, not a write to one that exists.
            if (!fields.isEmpty() || existing == null) {
                inputs.add(new PersonWrites.Input(email, fields, existing));
            }
        });
        CallParts parts = new CallParts(batchSize);
        Map<String, PersonResult> written = people.write(inputs, calls, parts);
        for (OutboundItem item : upserts) {
            PersonResult result = written.get(item.command().who().email());
            outcomes.put(item.key(), result instanceof PersonResult.Written ok
                    ? WriteOutcome.written(ok.record().id(), (ok.created() ? "created " : "updated ") + ok.record().object())
                    : WriteOutcome.failed(((PersonResult.Rejected) result).error()));
        }
        List<TaskWrites.Input> taskInputs = new ArrayList<>();
        for (OutboundItem item : activities) {
            Command.AddActivity add = (Command.AddActivity) item.command();
            String email = add.who().email();
            Optional<String> whoId = whoId(written.get(email), found.get(email));
            if (whoId.isPresent()) {
                taskInputs.add(new TaskWrites.Input(item.key(), add.activity(), whoId.get()));
            } else {
                outcomes.put(item.key(), WriteOutcome.failed(taskWithoutPerson((PersonResult.Rejected) written.get(email),
                        !fieldsByEmail.get(email).isEmpty())));
            }
        }
        outcomes.putAll(tasks.write(taskInputs, calls, parts));
        WriteOutcome.allTransient(outcomes.values()).ifPresent(e -> {
            throw e;
        });
        log.debug("Salesforce write: {} items in {} calls", items.size(), calls.calls().size());
        return new WriteResult(outcomes, calls.calls());
    }

    private PersonRecord existing(Map<String, PersonRecord> found, String email) {
        PersonRecord record = found.get(email);
        // Upserting by a Lead field only ever finds Leads.
        return record != null && org.upsertField().isPresent() && record.isContact() ? null : record;
    }

    private static Optional<String> whoId(PersonResult result, PersonRecord found) {
        if (result instanceof PersonResult.Written ok) {
            return Optional.of(ok.record().id());
        }
        return Optional.ofNullable(found).map(PersonRecord::id);
    }

    /**
     * A person refused for values another item set: the Task is retried and goes through once that item has
     * been dead-lettered. Refused on their own, the Task fails the same way.
     */
    private static AdapterException taskWithoutPerson(PersonResult.Rejected rejected, boolean hadFields) {
        if (rejected.error() instanceof PermanentAdapterException && hadFields) {
            return new TransientAdapterException("Salesforce writer: expected the Task's person to be written, found "
                    + "it refused for values set by another item: " + rejected.error().getMessage(), 0);
        }
        return rejected.error();
    }
}
