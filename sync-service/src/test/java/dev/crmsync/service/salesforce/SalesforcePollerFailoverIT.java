package dev.crmsync.service.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import dev.crmsync.testkit.instantly.InstantlySimulator;
import dev.crmsync.testkit.salesforce.SalesforceSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database poll one Salesforce org: only one of them polls at a time, a poll that fails
 * half-way is repeated from the stored cursor, and when the polling instance stops the other takes over; every
 * rep change reaches Instantly exactly once.
 */
class SalesforcePollerFailoverIT {
    private static final int PEOPLE = 8;

    private final HubSpotSimulator hubspot = HubSpotSimulator.start();
    private final InstantlySimulator instantly = InstantlySimulator.start();
    private final SalesforceSimulator salesforce = SalesforceSimulator.start();
    private final List<String> leadIds = new ArrayList<>();
    private RunningService first;
    private RunningService second;

    @BeforeEach
    void start() {
        String campaign = instantly.addCampaign("Q4 outbound");
        for (int i = 0; i < PEOPLE; i++) {
            instantly.addLead(email(i), campaign);
            leadIds.add(salesforce.addLead(Map.of("Email", email(i), "LastName", "P" + i, "Company", "Acme",
                    "Status", "Open - Not Contacted")));
        }
        TestDatabase.Db db = TestDatabase.fresh();
        first = RunningService.start(settings(db));
        // The first instance takes the feed's lock before the second exists.
        await().atMost(Duration.ofSeconds(30)).until(() -> !salesforce.callSessions("getDeleted").isEmpty());
        second = RunningService.start(settings(db));
    }

    @AfterEach
    void stop() {
        for (RunningService service : new RunningService[] {first, second}) {
            if (service != null) {
                service.close();
            }
        }
        salesforce.close();
        instantly.close();
        hubspot.close();
    }

    @Test
    void oneInstancePollsAtATimeAndEveryRepChangeReachesInstantlyOnce() {
        // given both instances running; a poll breaks after reading the Leads, before the deletions
        salesforce.failNext("getDeleted", 1, "SERVER_UNAVAILABLE");
        for (int i = 0; i < PEOPLE / 2; i++) {
            salesforce.repEdit(leadIds.get(i), Map.of("Status", "Working - Meeting Set"));
        }
        awaitInstantlyUpdates(0, PEOPLE / 2);
        // (a write still in flight when an instance stops is sent again by the other: at least once, not a loop)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(first::isDrained);
        Set<Integer> pollingSessions = Set.copyOf(salesforce.callSessions("getDeleted"));

        // when the polling instance stops and reps keep working
        first.close();
        first = null;
        int pollsBefore = salesforce.callSessions("getDeleted").size();
        for (int i = PEOPLE / 2; i < PEOPLE; i++) {
            salesforce.repEdit(leadIds.get(i), Map.of("Status", "Working - Meeting Set"));
        }
        awaitInstantlyUpdates(PEOPLE / 2, PEOPLE);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(second::isDrained);

        // then while both ran, one session polled; afterwards another one took over
        assertThat(pollingSessions).hasSize(1);
        List<Integer> after = salesforce.callSessions("getDeleted");
        assertThat(Set.copyOf(after.subList(pollsBefore, after.size()))).doesNotContainAnyElementsOf(pollingSessions);
        // and every change was stored once and reached Instantly once
        for (int i = 0; i < PEOPLE; i++) {
            assertThat(instantly.interestUpdates(email(i))).as(email(i)).isEqualTo(1);
        }
        List<String> keys = second.jdbc().queryForList(
                "select dedup_key from inbound_event where source = 'salesforce'", String.class);
        assertThat(keys).doesNotHaveDuplicates();
    }

    private void awaitInstantlyUpdates(int from, int to) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (int i = from; i < to; i++) {
                if (instantly.interestUpdates(email(i)) == 0) {
                    return false;
                }
            }
            return true;
        });
    }

    private Map<String, Object> settings(TestDatabase.Db db) {
        Map<String, Object> settings = SalesforceSettings.with(RunningService.settings(db, hubspot), salesforce);
        settings.put("sync.adapters.instantly.base-url", instantly.baseUrl());
        settings.put("sync.adapters.instantly.api-key", instantly.apiKey());
        settings.put("sync.poll.intervals.salesforce", "200ms");
        settings.put("sync.poll.lock-retry", "200ms");
        settings.put("sync.poll.initial-backoff", "50ms");
        settings.put("sync.poll.max-backoff", "200ms");
        return settings;
    }

    private static String email(int i) {
        return "p" + i + "@acme.example";
    }
}
