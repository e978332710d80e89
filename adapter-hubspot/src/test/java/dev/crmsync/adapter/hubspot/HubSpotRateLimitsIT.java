package dev.crmsync.adapter.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmsync.core.spi.AdapterContext;
import dev.crmsync.core.spi.TransientAdapterException;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import dev.crmsync.testkit.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter keeps within the window HubSpot's headers announce, and waits out a spent day until local midnight. */
class HubSpotRateLimitsIT {
    private static HubSpotSimulator simulator;
    private String contactId;

    @BeforeAll
    static void start() {
        simulator = HubSpotSimulator.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
        simulator.repEdit("ann@example.com", Map.of("firstname", "Ann"));
        contactId = simulator.contactId("ann@example.com").orElseThrow();
    }

    @Test
    void concurrentCallsStayUnderTheWindowTheHeadersAnnounce() throws Exception {
        // given: 20 calls per rolling second, which HubSpot reports in X-HubSpot-RateLimit-Max / -Interval-Milliseconds
        simulator.setRateLimit(20, Duration.ofSeconds(1));
        HubSpotAdapter adapter = AdapterFixture.adapter(simulator, Map.of());
        ExecutorService threads = Executors.newFixedThreadPool(6);

        // when: six threads make 60 calls as fast as they can
        List<Future<?>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                calls.add(threads.submit(() -> adapter.contacts().emailOf(contactId)));
            }
            for (Future<?> call : calls) {
                call.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        // then
        assertThat(simulator.requestsByOperation()).containsEntry("contacts/read", 60);
        assertThat(simulator.rateLimitedCount()).as("calls HubSpot refused with 429").isZero();
    }

    @Test
    void aSpentDayWaitsForTheAccountsMidnightThenCarriesOn() throws Exception {
        // given: an account in New York with 4 calls a day, at 22:30 local time, spent by another instance, which
        // read the zone from the account details (one of the four calls)
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T03:30:00Z"));
        simulator.useClock(clock);
        simulator.setTimeZone(ZoneId.of("America/New_York"));
        simulator.setDailyLimit(4);
        HubSpotAdapter other = AdapterFixture.adapter(simulator.adapterConfig(), AdapterContext.unlimited(clock));
        for (int i = 0; i < 3; i++) {
            other.contacts().emailOf(contactId);
        }
        assertThat(simulator.requestsByOperation()).containsEntry("account-info", 1);
        RecordingRateBudget budget = new RecordingRateBudget();
        Map<String, String> config = new HashMap<>(simulator.adapterConfig());
        config.put("time-zone", "America/New_York");
        HubSpotAdapter adapter = AdapterFixture.adapter(config, new AdapterContext(clock, budget, "crm-sync"));

        // when: this instance's first call of the day meets HubSpot's DAILY 429
        assertThatThrownBy(() -> adapter.contacts().emailOf(contactId))
                .isInstanceOfSatisfying(TransientAdapterException.class, e -> assertThat(e.isRateLimited()).isTrue())
                .hasMessageContaining("DAILY");

        // then: the host is told to pause until midnight in New York (05:00 UTC), 90 minutes away, and the next
        // call waits for it without asking HubSpot again
        assertThat(budget.pauses).containsExactly(Duration.ofMinutes(90));
        CompletableFuture<Optional<String>> next = CompletableFuture.supplyAsync(
                () -> adapter.contacts().emailOf(contactId));
        Thread.sleep(500);
        assertThat(next).as("a call before midnight waits").isNotDone();
        assertThat(simulator.rateLimitedCount()).as("nothing hammered HubSpot while waiting").isEqualTo(1);

        clock.set(Instant.parse("2026-11-24T05:00:01Z"));
        assertThat(next.get(10, TimeUnit.SECONDS)).contains("ann@example.com");
    }
}
