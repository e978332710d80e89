package dev.crmsync.adapter.salesforce;

import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.sobject.SObject;
import dev.crmsync.core.model.Identity;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds people by email as the org holds them, one query per object for a whole batch: with
 * {@code contact-first} a Contact wins over a Lead with the same email, with {@code lead-first} the reverse.
 * Converted Leads are skipped (they cannot be updated). Among duplicates the oldest record (lowest id) wins.
 */
final class PersonLookup {
    private final SalesforceCalls calls;
    private final SalesforceOrgFields org;

    PersonLookup(SalesforceCalls calls, SalesforceOrgFields org) {
        this.calls = calls;
        this.org = org;
    }

    /** The record of each email found, keyed by normalised email; people not found are absent. */
    Map<String, PersonRecord> find(Collection<String> emails, CallLog log) {
        Map<String, PersonRecord> found = new HashMap<>();
        if (emails.isEmpty()) {
            return found;
        }
        List<String> order = org.contactFirst() ? List.of(PersonRecord.LEAD, PersonRecord.CONTACT)
                : List.of(PersonRecord.CONTACT, PersonRecord.LEAD);
        // The preferred object is read last, so its records replace the other's.
        for (String object : order) {
            String soql = "SELECT Id, Email FROM " + object + " WHERE Email IN " + Soql.in(emails)
                    + (object.equals(PersonRecord.LEAD) ? " AND IsConverted = false" : "") + " ORDER BY Id DESC";
            QueryResult result = calls.call("query " + object, emails.size(), log, c -> c.query(soql));
            for (SObject record : result.getRecords()) {
                Object email = record.getField("Email");
                if (email != null) {
                    found.put(Identity.normalise(email.toString()), new PersonRecord(object, record.getId()));
                }
            }
        }
        return found;
    }
}
