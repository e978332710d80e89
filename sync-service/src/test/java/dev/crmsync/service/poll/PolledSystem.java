package dev.crmsync.service.poll;

import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.service.wiring.ConnectedSystems;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Settings and database views shared by the poller tests: a service that polls a {@link ChangeLogServer}. */
final class PolledSystem {
    static final String CURSOR = "feed:" + ChangeLogAdapterProvider.SYSTEM;

    private PolledSystem() {
    }

    /** A service on {@code db} polling {@code log} every 100 ms when caught up, 10 events a page, fast retries. */
    static Map<String, Object> settings(TestDatabase.Db db, HubSpotSimulator hubspot, ChangeLogServer log) {
        Map<String, Object> p = RunningService.settings(db, hubspot);
        p.put("sync.adapters.changelog.url", log.url());
        p.put("sync.poll.intervals.changelog", "100ms");
        p.put("sync.poll.page-limit", "10");
        p.put("sync.poll.lock-retry", "200ms");
        p.put("sync.poll.initial-backoff", "50ms");
        p.put("sync.poll.max-backoff", "200ms");
        return p;
    }

    /** The poller id the service's feed sends, to tell instances apart in the server's request log. */
    static String pollerOf(RunningService service) {
        return ((ChangeLogFeed) service.bean(ConnectedSystems.class).changeFeeds().get(ChangeLogAdapterProvider.SYSTEM))
                .pollerId();
    }

    /** Dedup keys of the stored changelog events, one entry per stored row. */
    static List<String> storedKeys(JdbcTemplate jdbc) {
        return jdbc.queryForList("select dedup_key from inbound_event where source = 'changelog' order by id",
                String.class);
    }

    static Optional<String> cursor(JdbcTemplate jdbc) {
        return jdbc.queryForList("select position from sync_cursor where name = ?", String.class, CURSOR).stream()
                .findFirst();
    }

    static List<String> keys(List<ChangeLogServer.Change> changes) {
        return changes.stream().map(ChangeLogServer.Change::dedupKey).toList();
    }
}
