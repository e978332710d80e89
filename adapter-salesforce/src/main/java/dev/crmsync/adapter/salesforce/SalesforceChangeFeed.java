package dev.crmsync.adapter.salesforce;

import com.sforce.soap.partner.DeletedRecord;
import com.sforce.soap.partner.GetDeletedResult;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.sobject.SObject;
import dev.crmsync.core.spi.ChangeFeed;
import dev.crmsync.core.spi.ParsedEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.List;
import java.util.TimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leads and Contacts changed after the cursor, with their deletions, oldest first. Each poll reads, per object,
 * the records after the compound cursor {@code (SystemModstamp, Id)} (so records sharing a modstamp are never
 * skipped) and the records {@code getDeleted} reports since the cursor's modstamp (a deleted record leaves every
 * query), merges them by {@code (modstamp, Id)} and returns the first {@code limit}.
 *
 * <p>A full page moves the cursor to its last record and says there is more. A page that is not full has caught
 * up: the cursor steps back by the overlap window from the newest record seen, so the next polls read that
 * window again and find records committed late with an earlier modstamp; the records read again carry the same
 * dedup keys and the store drops them. Beyond the window, a {@code getUpdated} reconcile runs every
 * reconcile interval ({@link FeedReconcile}). The host stores each page with its cursor in one transaction.
 */
final class SalesforceChangeFeed implements ChangeFeed {
    private static final Logger log = LoggerFactory.getLogger(SalesforceChangeFeed.class);
    /** getDeleted reaches back 30 days at most. */
    private static final Duration DELETED_HORIZON = Duration.ofDays(29);

    private final SalesforceCalls calls;
    private final SalesforceRecords records;
    private final SalesforceAdapterConfig.FeedSettings settings;
    private final FeedReconcile reconcile;
    private final Clock clock;

    private record Change(FeedCursor position, ParsedEvent event) {
    }

    SalesforceChangeFeed(SalesforceCalls calls, SalesforceRecords records, SalesforceAdapterConfig.FeedSettings settings,
                         Clock clock) {
        this.calls = calls;
        this.records = records;
        this.settings = settings;
        this.clock = clock;
        this.reconcile = new FeedReconcile(calls, records, settings, clock);
    }

    @Override
    public Page poll(String cursor, int limit) {
        Instant now = clock.instant();
        FeedCursor from = cursor == null ? FeedCursor.at(now.minus(settings.overlap())) : FeedCursor.parse(cursor);
        String userId = calls.integrationUserId();
        List<Change> changes = new ArrayList<>();
        for (String object : settings.objects()) {
            changes.addAll(updated(object, from, limit, userId));
            changes.addAll(deleted(object, from, now));
        }
        changes.sort(Comparator.comparing(Change::position));
        List<Change> page = changes.size() > limit ? changes.subList(0, limit) : changes;
        List<ParsedEvent> events = new ArrayList<>(page.stream().map(Change::event).toList());
        boolean full = page.size() == limit;
        FeedCursor next;
        if (full) {
            next = page.get(page.size() - 1).position();
        } else if (page.isEmpty()) {
            next = from;
        } else {
            next = FeedCursor.at(page.get(page.size() - 1).position().modstamp().minus(settings.overlap()));
        }
        if (!full) {
            events.addAll(reconcile.runIfDue(limit - events.size(), userId));
        }
        log.debug("Salesforce feed: {} events after {}, next {}", events.size(), from, next);
        return new Page(events, next.toString(), full);
    }

    @Override
    public Duration interval() {
        return settings.interval();
    }

    private List<Change> updated(String object, FeedCursor from, int limit, String userId) {
        String soql = "SELECT " + records.select(object) + " FROM " + object + " WHERE " + from.after()
                + " ORDER BY SystemModstamp, Id LIMIT " + limit;
        QueryResult result = calls.call("query " + object, 0, null, c -> c.query(soql));
        List<Change> changes = new ArrayList<>();
        for (SObject record : result.getRecords()) {
            ParsedEvent event = records.event(object, SalesforceRecords.UPDATED, record, userId);
            changes.add(new Change(new FeedCursor(event.occurredAt(), record.getId()), event));
        }
        return changes;
    }

    private List<Change> deleted(String object, FeedCursor from, Instant now) {
        Instant start = from.modstamp().isBefore(now.minus(DELETED_HORIZON)) ? now.minus(DELETED_HORIZON)
                : from.modstamp();
        if (!start.isBefore(now)) {
            return List.of();
        }
        GetDeletedResult result = calls.call("getDeleted " + object, 0, null,
                c -> c.getDeleted(object, calendar(start), calendar(now)));
        List<Change> changes = new ArrayList<>();
        for (DeletedRecord deleted : result.getDeletedRecords()) {
            FeedCursor position = new FeedCursor(deleted.getDeletedDate().toInstant(), deleted.getId());
            if (position.compareTo(from) > 0) {
                changes.add(new Change(position, records.deleted(object, deleted.getId(), position.modstamp())));
            }
        }
        return changes;
    }

    static Calendar calendar(Instant instant) {
        Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }
}
