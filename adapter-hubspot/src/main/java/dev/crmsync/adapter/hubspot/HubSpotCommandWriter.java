package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.model.Command;
import dev.crmsync.core.spi.AdapterException;
import dev.crmsync.core.spi.CommandWriter;
import dev.crmsync.core.spi.OutboundItem;
import dev.crmsync.core.spi.PermanentAdapterException;
import dev.crmsync.core.spi.TransientAdapterException;
import dev.crmsync.core.spi.WriteOutcome;
import dev.crmsync.core.spi.WriteResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes upserts, notes and tasks to HubSpot in as few calls as HubSpot allows:
 * <ol>
 *   <li>every person in the batch is upserted by e-mail, {@code batchSize} per call (a person who
 *       only has a note is upserted with just the e-mail, so the contact exists); a 207 fails exactly
 *       the inputs HubSpot names, with HubSpot's reason. A property an upsert moves back
 *       ({@code clearFirst}: the lifecycle stage) is cleared in calls of its own before;</li>
 *   <li>then the notes and tasks (an activity's kind says which) are created in batch, associated with
 *       the contact ids from step 1, each carrying its activity key in {@code sync_activity_key}. An item
 *       on attempt 1 or later may have been written by a call that timed out, so its key is searched
 *       first and, when found, reported written without creating another.</li>
 * </ol>
 * {@code Written.externalId} is the contact id for upserts and the note or task id for activities. When a call
 * fails as a whole (429, 5xx, timeout) and no item has a final outcome yet, the write throws
 * {@link TransientAdapterException} so every item is retried; once some items are settled, the
 * unsettled ones are reported {@code Failed} with that transient error instead.
 */
public final class HubSpotCommandWriter implements CommandWriter {
    private static final Logger log = LoggerFactory.getLogger(HubSpotCommandWriter.class);

    private final ContactUpserter contacts;
    private final Map<HubSpotEngagement, EngagementCreator> engagements =
            new EnumMap<>(HubSpotEngagement.class);
    private final int batchSize;

    HubSpotCommandWriter(HubSpotClient client, int batchSize) {
        this.contacts = new ContactUpserter(client, batchSize);
        for (HubSpotEngagement type : HubSpotEngagement.values()) {
            engagements.put(type, new EngagementCreator(client, type, batchSize));
        }
        this.batchSize = batchSize;
    }

    @Override
    public int maxBatchSize() {
        return batchSize;
    }

    @Override
    public WriteResult write(List<OutboundItem> items) {
        CallLog calls = new CallLog();
        Map<String, WriteOutcome> outcomes = new LinkedHashMap<>();
        Map<String, ContactInput> people = new LinkedHashMap<>();
        List<OutboundItem> upserts = new ArrayList<>();
        List<OutboundItem> activityItems = new ArrayList<>();
        for (OutboundItem item : items) {
            Command command = item.command();
            String email = command.who().email();
            ContactInput person = people.getOrDefault(email, new ContactInput(email, Map.of()));
            if (command instanceof Command.Upsert upsert) {
                people.put(email, person.withFields(upsert.fields(), upsert.clearFirst()));
                upserts.add(item);
            } else if (command instanceof Command.AddActivity add
                    && HubSpotEngagement.of(add.activity().kind()).isPresent()) {
                people.put(email, person);
                activityItems.add(item);
            } else if (command instanceof Command.AddActivity add) {
                outcomes.put(item.key(), WriteOutcome.failed(new PermanentAdapterException("HubSpot writer: expected "
                        + "an activity of kind 'note' or 'task', found '" + add.activity().kind() + "'", 0)));
            }
        }
        Map<String, ContactResult> upserted = people.isEmpty() ? Map.of() : upsertPeople(people.values(), calls);
        for (OutboundItem item : upserts) {
            ContactInput person = people.get(item.command().who().email());
            outcomes.put(item.key(), upsertOutcome(person, upserted.get(person.email())));
        }
        Map<HubSpotEngagement, List<EngagementRequest>> requests = new EnumMap<>(HubSpotEngagement.class);
        for (OutboundItem item : activityItems) {
            Command.AddActivity add = (Command.AddActivity) item.command();
            ContactInput person = people.get(add.who().email());
            ContactResult contact = upserted.get(person.email());
            if (contact instanceof ContactResult.Upserted ok) {
                HubSpotEngagement type = HubSpotEngagement.of(add.activity().kind()).orElseThrow();
                requests.computeIfAbsent(type, t -> new ArrayList<>())
                        .add(new EngagementRequest(item.key(), ok.contactId(), add.activity(), item.attempt() > 0));
            } else {
                outcomes.put(item.key(), WriteOutcome.failed(noteWithoutContact(person, (ContactResult.Rejected) contact)));
            }
        }
        requests.forEach((type, list) -> outcomes.putAll(engagements.get(type).create(list, calls)));
        WriteOutcome.allTransient(outcomes.values()).ifPresent(e -> {
            throw e;
        });
        log.debug("HubSpot write: {} items in {} calls", items.size(), calls.calls().size());
        return new WriteResult(outcomes, calls.calls());
    }

    /**
     * Upserts everyone; people with properties moving back (a lifecycle stage) first get an upsert that
     * clears them, in calls of their own: HubSpot ignores a backward set and does not promise the order
     * of inputs within a batch, so the clear is never in the batch that sets the same contact. A person
     * whose clear failed is not set, since the set would be ignored.
     */
    private Map<String, ContactResult> upsertPeople(Collection<ContactInput> people, CallLog calls) {
        List<ContactInput> clears = people.stream().filter(p -> !p.clearFirst().isEmpty()).map(ContactInput::clearing)
                .toList();
        Map<String, ContactResult> results = new LinkedHashMap<>();
        if (!clears.isEmpty()) {
            contacts.upsert(clears, calls).forEach((email, result) -> {
                if (result instanceof ContactResult.Rejected) {
                    results.put(email, result);
                }
            });
        }
        List<ContactInput> sets = people.stream().filter(p -> !results.containsKey(p.email())).toList();
        if (!sets.isEmpty()) {
            results.putAll(contacts.upsert(sets, calls));
        }
        return results;
    }

    private static WriteOutcome upsertOutcome(ContactInput person, ContactResult result) {
        if (result instanceof ContactResult.Upserted ok) {
            String call = "HTTP " + ok.httpStatus() + " " + ContactUpserter.OPERATION;
            return WriteOutcome.written(ok.contactId(), person.clearFirst().isEmpty() ? call
                    : ContactUpserter.OPERATION + " clearing " + person.clearFirst() + " first, then " + call
                    + " setting it");
        }
        return WriteOutcome.failed(((ContactResult.Rejected) result).error());
    }

    /**
     * A contact refused for its own e-mail dooms its note too; refused for values another item set,
     * the note is retried, and will go through once that item has been dead-lettered.
     */
    private static AdapterException noteWithoutContact(ContactInput person, ContactResult.Rejected rejected) {
        if (rejected.error() instanceof PermanentAdapterException && person.hasFields()) {
            return new TransientAdapterException("HubSpot writer: expected the note's contact to be upserted, found "
                    + "it refused for values set by another item: " + rejected.error().getMessage(),
                    rejected.error().httpStatus());
        }
        return rejected.error();
    }
}
