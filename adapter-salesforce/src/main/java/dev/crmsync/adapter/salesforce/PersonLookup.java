package dev.crmsync.adapter.salesforce;

import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.sobject.SObject;
import dev.crmsync.core.model.Identity;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds people by email as the org holds them, one query per object for a whole batch (more only when the
 * emails would make a statement longer than Salesforce takes, or the answer runs past one page): with
 * {@code contact-first} a Contact wins over a Lead with the same email, with {@code lead-first} the reverse.
 * Converted Leads are skipped (they cannot be updated). Among duplicates the oldest record (lowest id) wins.
 */
final class PersonLookup {
    /** Rows per page of a query's answer: the most Salesforce sends at once, so found people cost fewer calls. */
    private static final int MAX_QUERY_BATCH = 2_000;

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
            String select = "SELECT Id, Email FROM " + object + " WHERE Email IN ";
            String rest = (object.equals(PersonRecord.LEAD) ? " AND IsConverted = false" : "") + " ORDER BY Id DESC";
            for (List<String> part : Soql.inParts(emails, Soql.MAX_STATEMENT_CHARS - select.length() - rest.length())) {
                String soql = select + Soql.in(part) + rest;
                QueryResult page = calls.call("query " + object, part.size(), log, c -> {
                    c.setQueryOptions(MAX_QUERY_BATCH);
                    return c.query(soql);
                });
                keep(object, page, found);
                while (!page.isDone() && page.getQueryLocator() != null) {
                    String locator = page.getQueryLocator();
                    page = calls.call("queryMore " + object, 0, log, c -> c.queryMore(locator));
                    keep(object, page, found);
                }
            }
        }
        return found;
    }

    private static void keep(String object, QueryResult page, Map<String, PersonRecord> found) {
        for (SObject record : page.getRecords()) {
            Object email = record.getField("Email");
            if (email != null) {
                found.put(Identity.normalise(email.toString()), new PersonRecord(object, record.getId()));
            }
        }
    }
}
