package dev.crmsync.adapter.salesforce;

import com.sforce.soap.partner.IError;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.UpsertResult;
import com.sforce.soap.partner.sobject.SObject;
import dev.crmsync.core.spi.AdapterException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes people's fields in as few calls as the partner API allows (up to 200 records each, see {@link CallParts}): found Contacts
 * and Leads are updated, people not found are created as Leads with the {@code LastName} and {@code Company}
 * Salesforce requires (from the command, else the placeholders), or, when an upsert field is configured,
 * every Lead is upserted by it. Every record carries the source field set to our client name. A Contact is
 * sent without the Lead-only fields. Each record's result is its own: one refused record leaves the rest written.
 */
final class PersonWrites {
    private final SalesforceCalls calls;
    private final SalesforceOrgFields org;
    private final String clientName;

    /** One person to write: email, fields, and the record found for them (null when none). */
    record Input(String email, Map<String, String> fields, PersonRecord existing) {
    }

    PersonWrites(SalesforceCalls calls, SalesforceOrgFields org, String clientName) {
        this.calls = calls;
        this.org = org;
        this.clientName = clientName;
    }

    /** Writes in calls of {@code parts}' batch size; people whose call was not made or failed are refused with its error. */
    Map<String, PersonResult> write(List<Input> people, CallLog log, CallParts parts) {
        Map<String, PersonResult> results = new LinkedHashMap<>();
        if (org.upsertField().isPresent()) {
            upsertLeads(people, org.upsertField().get(), results, log, parts);
            return results;
        }
        List<Input> contacts = new ArrayList<>();
        List<Input> leads = new ArrayList<>();
        List<Input> creates = new ArrayList<>();
        for (Input person : people) {
            if (person.existing() == null) {
                creates.add(person);
            } else if (person.existing().isContact()) {
                contacts.add(person);
            } else {
                leads.add(person);
            }
        }
        update(PersonRecord.CONTACT, contacts, results, log, parts);
        update(PersonRecord.LEAD, leads, results, log, parts);
        parts.send(creates, part -> {
            SObject[] records = part.stream().map(p -> newLead(p, false)).toArray(SObject[]::new);
            SaveResult[] saved = calls.call("create Lead", records.length, log, c -> c.create(records));
            for (int i = 0; i < part.size(); i++) {
                results.put(part.get(i).email(), result(PersonRecord.LEAD, saved[i].getId(), true,
                        saved[i].isSuccess(), saved[i].getErrors(), "create Lead"));
            }
        }, (part, e) -> refuse(part, e, results));
        return results;
    }

    private void update(String object, List<Input> people, Map<String, PersonResult> results, CallLog log,
                        CallParts parts) {
        parts.send(people, part -> {
            SObject[] records = part.stream().map(p -> {
                SObject record = sObject(object, p.fields());
                record.setId(p.existing().id());
                return record;
            }).toArray(SObject[]::new);
            SaveResult[] saved = calls.call("update " + object, records.length, log, c -> c.update(records));
            for (int i = 0; i < part.size(); i++) {
                results.put(part.get(i).email(), result(object, part.get(i).existing().id(), false,
                        saved[i].isSuccess(), saved[i].getErrors(), "update " + object));
            }
        }, (part, e) -> refuse(part, e, results));
    }

    private void upsertLeads(List<Input> people, String keyField, Map<String, PersonResult> results, CallLog log,
                             CallParts parts) {
        parts.send(people, part -> {
            SObject[] records = part.stream().map(p -> newLead(p, true)).toArray(SObject[]::new);
            UpsertResult[] saved = calls.call("upsert Lead", records.length, log, c -> c.upsert(keyField, records));
            for (int i = 0; i < part.size(); i++) {
                results.put(part.get(i).email(), result(PersonRecord.LEAD, saved[i].getId(), saved[i].isCreated(),
                        saved[i].isSuccess(), saved[i].getErrors(), "upsert Lead"));
            }
        }, (part, e) -> refuse(part, e, results));
    }

    private static void refuse(List<Input> part, AdapterException error, Map<String, PersonResult> results) {
        part.forEach(p -> results.put(p.email(), new PersonResult.Rejected(error)));
    }

    private SObject newLead(Input person, boolean upsert) {
        Map<String, String> fields = new LinkedHashMap<>(person.fields());
        fields.put("Email", person.email());
        if (upsert) {
            fields.putIfAbsent(org.upsertField().get(), person.email());
        }
        // An upsert that updates an existing Lead must not overwrite its names with placeholders.
        if (!upsert || person.existing() == null) {
            fields.putIfAbsent("LastName", org.lastNamePlaceholder());
            fields.putIfAbsent("Company", org.companyPlaceholder());
        }
        return sObject(PersonRecord.LEAD, fields);
    }

    private SObject sObject(String object, Map<String, String> fields) {
        SObject record = new SObject(object);
        List<String> toNull = new ArrayList<>();
        fields.forEach((name, value) -> {
            if (object.equals(PersonRecord.CONTACT) && org.leadOnlyFields().contains(name)) {
                return;
            }
            if (value == null || value.isEmpty()) {
                toNull.add(name);
            } else {
                record.setField(name, value);
            }
        });
        record.setField(org.sourceField(), clientName);
        if (!toNull.isEmpty()) {
            record.setFieldsToNull(toNull.toArray(String[]::new));
        }
        return record;
    }

    private static PersonResult result(String object, String id, boolean created, boolean success, IError[] errors,
                                       String operation) {
        if (success) {
            return new PersonResult.Written(new PersonRecord(object, id), created);
        }
        return new PersonResult.Rejected(SalesforceErrorClassifier.recordError(operation, errors));
    }
}
