package dev.crmsync.service.poll;

import static dev.crmsync.service.poll.PolledSystem.cursor;
import static dev.crmsync.service.poll.PolledSystem.keys;
import static dev.crmsync.service.poll.PolledSystem.pollerOf;
import static dev.crmsync.service.poll.PolledSystem.storedKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two instances on one database poll one feed: one at a time, every change stored once, takeover from the cursor. */
class PollerFailoverIT {
    private HubSpotSimulator hubspot;
    private ChangeLogServer log;
    private RunningService first;
    private RunningService second;

    @BeforeEach
    void start() {
        hubspot = HubSpotSimulator.start();
        log = ChangeLogServer.start();
        log.add("early", 25);
        log.sameInstant("same-a", "same-b", "same-c", "same-d");
        TestDatabase.Db db = TestDatabase.fresh();
        first = RunningService.start(PolledSystem.settings(db, hubspot, log));
        second = RunningService.start(PolledSystem.settings(db, hubspot, log));
    }

    @AfterEach
    void stop() {
        for (RunningService s : new RunningService[] {first, second}) {
            if (s != null) {
                s.close();
            }
        }
        log.close();
        hubspot.close();
    }

    @Test
    void twoInstancesStoreEveryChangeOnceWhileOnlyOneOfThemPolls() throws Exception {
        // given both instances running, when changes keep arriving (new records, updates, same-instant groups)
        awaitStored(log.changes());
        log.add("late", 30);
        log.sameInstant("early-3", "same-b", "late-7");
        log.add("later", 5);

        // then every record's newest version is stored exactly once, nothing else
        awaitStored(log.changes());
        List<String> stored = storedKeys(first.jdbc());
        assertThat(stored).doesNotHaveDuplicates();
        assertThat(Set.copyOf(stored)).containsAll(keys(log.changes()));
        // and the pages overlapped (repeats were fetched and dropped)
        long fetched = log.requests().stream().filter(r -> !r.failed()).mapToLong(r -> r.returned().size()).sum();
        assertThat(fetched).isGreaterThan(stored.size());
        // and only one instance ever polled; the other held no lock and stayed idle
        Set<String> pollers = log.requests().stream().map(ChangeLogServer.Request::poller).collect(Collectors.toSet());
        assertThat(pollers).hasSize(1).containsAnyOf(pollerOf(first), pollerOf(second));
        assertThat(first.jdbc().queryForObject("select count(*) from pg_locks where locktype = 'advisory' and classid = ? "
                + "and objsubid = 2 and granted", Integer.class, 0x504f4c4c)).isEqualTo(1);
        // and a polled change shows in the person's trace like a webhook event
        HttpResponse<String> trace = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        first.uri("/admin/trace?email=late-7@poll.example"))
                .header("Authorization", "Bearer " + RunningService.ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(trace.statusCode()).isEqualTo(200);
        assertThat(trace.body()).contains("record_changed").contains("\"auth\":\"poll\"");
    }

    @Test
    void whenTheHolderStopsTheOtherInstanceContinuesFromTheStoredCursor() {
        // given one instance polling and caught up
        awaitStored(log.changes());
        boolean firstHolds = log.requests().get(0).poller().equals(pollerOf(first));
        RunningService holder = firstHolds ? first : second;
        RunningService standby = firstHolds ? second : first;

        // when the holder stops and changes keep arriving
        String holderId = pollerOf(holder);
        holder.close();
        String lastCursor = cursor(standby.jdbc()).orElseThrow();
        if (firstHolds) {
            first = null;
        } else {
            second = null;
        }
        log.add("after", 23);
        log.sameInstant("after-1", "after-22", "new-x");

        // then the other instance takes over, starting from the holder's last committed cursor
        awaitStored(log.changes(), standby);
        List<ChangeLogServer.Request> takeover = log.requests().stream()
                .filter(r -> r.poller().equals(pollerOf(standby))).toList();
        assertThat(takeover).isNotEmpty();
        assertThat(takeover.get(0).cursor()).as("first poll after takeover").isEqualTo(lastCursor);
        // and the two never polled at the same time
        long takeoverStart = takeover.get(0).startNanos();
        assertThat(log.requests()).filteredOn(r -> r.poller().equals(holderId))
                .allMatch(r -> r.endNanos() < takeoverStart);
        // and no change was lost or stored twice
        List<String> stored = storedKeys(standby.jdbc());
        assertThat(stored).doesNotHaveDuplicates();
        assertThat(Set.copyOf(stored)).containsAll(keys(log.changes()));
    }

    private void awaitStored(List<ChangeLogServer.Change> changes) {
        awaitStored(changes, first);
    }

    private static void awaitStored(List<ChangeLogServer.Change> changes, RunningService via) {
        List<String> expected = keys(changes);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> storedKeys(via.jdbc()).containsAll(expected));
    }
}
