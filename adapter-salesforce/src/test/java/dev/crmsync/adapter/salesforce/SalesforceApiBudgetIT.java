package dev.crmsync.adapter.salesforce;

import static dev.crmsync.adapter.salesforce.SalesforceFixture.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmsync.core.spi.CommandWriter;
import dev.crmsync.core.spi.TransientAdapterException;
import dev.crmsync.testkit.salesforce.SalesforceSimulator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SalesforceApiBudgetIT {
    private SalesforceSimulator simulator;
    private SalesforceFixture.RecordingBudget host;

    @BeforeEach
    void start() {
        simulator = SalesforceSimulator.start();
        host = new SalesforceFixture.RecordingBudget();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void theTargetPausesOnceItsShareOfTheDailyBudgetIsSpent() {
        // given: a share of half a 100-call budget, 47 already used by others; a write takes three calls
        simulator.setApiLimit(100);
        simulator.setApiUsage(47);
        CommandWriter writer = writer(Map.of("api-share", "0.5", "limit-pause-ms", "600000"));
        writer.write(List.of(upsert("ann@example.com", Map.of("Title", "CEO"))));
        long usedAfterFirst = simulator.apiUsage();

        // when / then
        assertThatThrownBy(() -> writer.write(List.of(upsert("bob@example.com", Map.of("Title", "CEO")))))
                .isInstanceOfSatisfying(TransientAdapterException.class, e -> {
                    assertThat(e.isRateLimited()).isTrue();
                    assertThat(e.retryAfter()).contains(Duration.ofMinutes(10));
                });
        assertThat(usedAfterFirst).isEqualTo(50);
        assertThat(simulator.apiUsage()).isEqualTo(50);
        assertThat(host.pauses).containsExactly(Duration.ofMinutes(10));
        assertThat(host.max).isEqualTo(50);
        assertThat(simulator.leadByEmail("bob@example.com")).isEmpty();
    }

    @Test
    void requestLimitExceededPausesTheTargetInsteadOfFailing() {
        // given
        simulator.failNext(1, "REQUEST_LIMIT_EXCEEDED");
        CommandWriter writer = writer(Map.of("limit-pause-ms", "900000"));

        // when / then
        assertThatThrownBy(() -> writer.write(List.of(upsert("ann@example.com", Map.of("Title", "CEO")))))
                .isInstanceOfSatisfying(TransientAdapterException.class, e -> {
                    assertThat(e.isRateLimited()).isTrue();
                    assertThat(e.httpStatus()).isEqualTo(500);
                    assertThat(e.getMessage()).contains("REQUEST_LIMIT_EXCEEDED");
                });
        assertThat(host.pauses).containsExactly(Duration.ofMinutes(15));
    }

    @Test
    void aSpentDailyLimitPausesForTheConfiguredPause() {
        // given
        simulator.setApiLimit(0);
        CommandWriter writer = writer(Map.of());

        // when / then
        assertThatThrownBy(() -> writer.write(List.of(upsert("ann@example.com", Map.of("Title", "CEO")))))
                .isInstanceOfSatisfying(TransientAdapterException.class, e -> assertThat(e.isRateLimited()).isTrue());
        assertThat(host.pauses).containsExactly(Duration.ofMinutes(15));
    }

    @Test
    void theConcurrentLongRunningRequestLimitPausesBriefly() {
        // given: Salesforce reports it with the same code and its own message
        simulator.failNextWithConcurrentLimit(1);
        CommandWriter writer = writer(Map.of());

        // when / then
        assertThatThrownBy(() -> writer.write(List.of(upsert("ann@example.com", Map.of("Title", "CEO")))))
                .isInstanceOfSatisfying(TransientAdapterException.class,
                        e -> assertThat(e.retryAfter()).contains(SalesforceApiBudget.CONCURRENT_WAIT));
        assertThat(host.pauses).containsExactly(SalesforceApiBudget.CONCURRENT_WAIT);
    }

    private CommandWriter writer(Map<String, String> overrides) {
        return SalesforceFixture.adapter(simulator, overrides, host, Clock.systemUTC()).commandWriter().orElseThrow();
    }
}
