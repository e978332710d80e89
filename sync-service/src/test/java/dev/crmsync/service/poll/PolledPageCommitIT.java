package dev.crmsync.service.poll;

import static dev.crmsync.service.poll.PolledSystem.cursor;
import static dev.crmsync.service.poll.PolledSystem.keys;
import static dev.crmsync.service.poll.PolledSystem.storedKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A page's events and the cursor move together: a failed store or a failed fetch leaves the cursor where it was. */
class PolledPageCommitIT {
    private HubSpotSimulator hubspot;
    private ChangeLogServer log;
    private TestDatabase.Db db;
    private RunningService service;

    @BeforeEach
    void start() {
        hubspot = HubSpotSimulator.start();
        log = ChangeLogServer.start();
        db = TestDatabase.fresh();
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        log.close();
        hubspot.close();
    }

    @Test
    void aPageWhoseStoreFailsLeavesTheCursorAndIsStoredWholeOnceTheDatabaseTakesIt() throws Exception {
        // given a database that refuses one event of the first page (a trigger, as a failing disk or constraint would)
        service = RunningService.start(PolledSystem.settings(db, hubspot, log));
        await().atMost(Duration.ofSeconds(20)).until(() -> cursor(service.jdbc()).isPresent());
        String before = cursor(service.jdbc()).orElseThrow();
        execute("create function refuse_poison() returns trigger language plpgsql as $$ begin "
                + "if new.dedup_key = 'poison@1' then raise exception 'refused'; end if; return new; end $$; "
                + "create trigger refuse_poison before insert on inbound_event for each row execute function refuse_poison()");
        log.add("good", 5);
        log.sameInstant("poison");
        log.add("tail", 2);

        // when the poller tries the page several times
        await().atMost(Duration.ofSeconds(20)).until(() -> failedStores() >= 3);

        // then neither the page's good events nor the cursor were stored
        assertThat(storedKeys(service.jdbc())).isEmpty();
        assertThat(cursor(service.jdbc())).contains(before);

        // when the database takes the page again
        execute("drop trigger refuse_poison on inbound_event");

        // then the whole page is stored once and the cursor names its last change
        await().atMost(Duration.ofSeconds(20)).until(() -> storedKeys(service.jdbc()).containsAll(keys(log.changes())));
        assertThat(storedKeys(service.jdbc())).doesNotHaveDuplicates().hasSize(log.changes().size());
        String last = log.changes().get(log.changes().size() - 1).stamp().toString();
        await().atMost(Duration.ofSeconds(5)).until(() -> cursor(service.jdbc()).equals(Optional.of(last)));
    }

    @Test
    void aFeedThatFailsIsRetriedFromTheSameCursorWithoutLosingChanges() {
        // given a poller that has stored the first changes
        log.add("first", 4);
        service = RunningService.start(PolledSystem.settings(db, hubspot, log));
        await().atMost(Duration.ofSeconds(20)).until(() -> storedKeys(service.jdbc()).containsAll(keys(log.changes())));
        String stored = cursor(service.jdbc()).orElseThrow();

        // when the feed fails three times in a row while new changes wait
        int before = log.requests().size();
        log.failNext(3);
        log.add("second", 6);

        // then the poller backs off, keeps its cursor, and stores every change once the feed answers
        await().atMost(Duration.ofSeconds(20)).until(() -> storedKeys(service.jdbc()).containsAll(keys(log.changes())));
        List<ChangeLogServer.Request> after = log.requests().subList(before, log.requests().size());
        assertThat(after).filteredOn(ChangeLogServer.Request::failed).hasSize(3)
                .allMatch(r -> r.cursor().equals(stored));
        assertThat(after.stream().filter(r -> !r.failed()).findFirst().orElseThrow().cursor()).isEqualTo(stored);
        assertThat(Set.copyOf(storedKeys(service.jdbc()))).hasSize(storedKeys(service.jdbc()).size());
        assertThat(pollCount("feed-error")).isEqualTo(3);
    }

    private double failedStores() {
        return pollCount("store-error");
    }

    private double pollCount(String outcome) {
        var counter = service.bean(MeterRegistry.class).find("sync.poll.polls").tag("system", "changelog")
                .tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
