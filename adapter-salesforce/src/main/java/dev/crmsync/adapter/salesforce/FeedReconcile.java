package dev.crmsync.adapter.salesforce;

import com.sforce.soap.partner.GetUpdatedResult;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.sobject.SObject;
import dev.crmsync.core.spi.ParsedEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The feed's safety net beyond its overlap window: every reconcile interval, {@code getUpdated} lists the ids
 * changed since the last reconcile (minus the overlap), and those records are read and returned as events. Ones
 * the feed already stored carry the same dedup keys and are dropped by the store; only what the polls missed
 * gets through. The next run starts from the {@code latestDateCovered} Salesforce reported (earlier than the
 * window's end while transactions were still committing). The last run's time is kept in memory: after a restart the first reconcile covers one interval.
 */
final class FeedReconcile {
    private static final int IDS_PER_QUERY = 200;

    private final SalesforceCalls calls;
    private final SalesforceRecords records;
    private final SalesforceAdapterConfig.FeedSettings settings;
    private final Clock clock;
    private Instant lastRun;

    FeedReconcile(SalesforceCalls calls, SalesforceRecords records, SalesforceAdapterConfig.FeedSettings settings,
                  Clock clock) {
        this.calls = calls;
        this.records = records;
        this.settings = settings;
        this.clock = clock;
        this.lastRun = clock.instant();
    }

    /** The records changed since the last run, when a run is due and they fit in {@code room}; else nothing. */
    synchronized List<ParsedEvent> runIfDue(int room, String userId) {
        Instant now = clock.instant();
        if (now.isBefore(lastRun.plus(settings.reconcile())) || room <= 0) {
            return List.of();
        }
        Instant start = lastRun.minus(settings.overlap());
        List<ParsedEvent> events = new ArrayList<>();
        Instant covered = now;
        for (String object : settings.objects()) {
            GetUpdatedResult updated = calls.call("getUpdated " + object, 0, null, c -> c.getUpdated(object,
                    SalesforceChangeFeed.calendar(start), SalesforceChangeFeed.calendar(now)));
            // Changes still committing at the end of the window are covered only up to latestDateCovered.
            if (updated.getLatestDateCovered() != null && updated.getLatestDateCovered().toInstant().isBefore(covered)) {
                covered = updated.getLatestDateCovered().toInstant();
            }
            List<String> ids = Arrays.asList(updated.getIds());
            for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
                String soql = "SELECT " + records.select(object) + " FROM " + object + " WHERE Id IN " + Soql.in(chunk);
                QueryResult result = calls.call("query " + object, 0, null, c -> c.query(soql));
                for (SObject record : result.getRecords()) {
                    events.add(records.event(object, SalesforceRecords.UPDATED, record, userId));
                }
            }
        }
        if (events.size() > room) {
            return List.of();
        }
        lastRun = covered;
        return events;
    }
}
