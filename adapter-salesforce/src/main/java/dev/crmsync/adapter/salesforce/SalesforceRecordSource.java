package dev.crmsync.adapter.salesforce;

import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.sobject.SObject;
import dev.crmsync.core.spi.ParsedEvent;
import dev.crmsync.core.spi.PermanentAdapterException;
import dev.crmsync.core.spi.RecordSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Pages through Leads and Contacts for backfill and reconcile jobs as {@code Lead.snapshot} and
 * {@code Contact.snapshot} events, object by object, each in {@code (SystemModstamp, Id)} order. The page cursor
 * is {@code <object>|<modstamp>|<id>}: the last record returned, so a job restarted from it neither skips nor
 * repeats. Scopes narrow the objects (default: the feed's).
 */
final class SalesforceRecordSource implements RecordSource {
    private final SalesforceCalls calls;
    private final SalesforceRecords records;
    private final List<String> defaultObjects;

    SalesforceRecordSource(SalesforceCalls calls, SalesforceRecords records, List<String> defaultObjects) {
        this.calls = calls;
        this.records = records;
        this.defaultObjects = List.copyOf(defaultObjects);
    }

    @Override
    public Page page(Query query, String pageCursor) {
        List<String> objects = query.scopes().isEmpty() ? defaultObjects : query.scopes();
        int index = 0;
        FeedCursor after = FeedCursor.at(query.changedSince() == null ? Instant.EPOCH : query.changedSince());
        if (pageCursor != null) {
            int bar = pageCursor.indexOf('|');
            index = objects.indexOf(bar < 0 ? pageCursor : pageCursor.substring(0, bar));
            if (index < 0) {
                throw new PermanentAdapterException("Salesforce records: expected a page cursor '<object>|<modstamp>|"
                        + "<id>' naming one of " + objects + ", found '" + pageCursor + "'", 0);
            }
            after = FeedCursor.parse(pageCursor.substring(bar + 1));
        }
        String object = objects.get(index);
        String soql = "SELECT " + records.select(object) + " FROM " + object + " WHERE " + after.after()
                + " ORDER BY SystemModstamp, Id LIMIT " + query.pageSize();
        QueryResult result = calls.call("query " + object, 0, null, c -> c.query(soql));
        List<ParsedEvent> events = new ArrayList<>();
        FeedCursor last = after;
        for (SObject record : result.getRecords()) {
            ParsedEvent event = records.event(object, SalesforceRecords.SNAPSHOT, record, null);
            events.add(event);
            last = new FeedCursor(event.occurredAt(), record.getId());
        }
        String next;
        if (events.size() == query.pageSize()) {
            next = object + "|" + last;
        } else if (index + 1 < objects.size()) {
            next = objects.get(index + 1) + "|" + FeedCursor.at(query.changedSince() == null ? Instant.EPOCH
                    : query.changedSince());
        } else {
            next = null;
        }
        return new Page(events, next);
    }
}
