package dev.crmsync.adapter.hubspot;

import static dev.crmsync.adapter.hubspot.OutboundItems.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmsync.core.spi.AdapterConfigException;
import dev.crmsync.core.spi.CommandWriter;
import dev.crmsync.core.spi.OutboundItem;
import dev.crmsync.core.spi.TransientAdapterException;
import dev.crmsync.core.spi.WriteOutcome;
import dev.crmsync.core.spi.WriteResult;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HubSpotCommandWriterFailureIT {
    private static HubSpotSimulator simulator;
    private RecordingRateBudget budget;
    private CommandWriter writer;

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
        budget = new RecordingRateBudget();
        writer = WriterFixture.writer(simulator, budget);
    }

    @Test
    void rateLimitIsTransientWithTheIntervalAsWaitThenTheRetrySucceeds() {
        // given
        simulator.failNext(1, 429);
        List<OutboundItem> items = List.of(upsert("ann@example.com"), upsert("bob@example.com"));

        // when / then
        assertThatThrownBy(() -> writer.write(items)).isInstanceOfSatisfying(TransientAdapterException.class, e -> {
            assertThat(e.isRateLimited()).isTrue();
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(10));
            assertThat(e.getMessage()).contains("TEN_SECONDLY_ROLLING");
        });
        assertThat(budget.pauses).containsExactly(Duration.ofSeconds(10));
        assertThat(simulator.contactCount()).isZero();

        WriteResult retry = writer.write(items);
        assertThat(retry.outcomes().values()).allSatisfy(o -> assertThat(o).isInstanceOf(WriteOutcome.Written.class));
        assertThat(simulator.contactCount()).isEqualTo(2);
    }

    @Test
    void serviceUnavailableIsTransient() {
        // given
        simulator.failNext(1, 503);

        // when / then
        assertThatThrownBy(() -> writer.write(List.of(upsert("ann@example.com"))))
                .isInstanceOfSatisfying(TransientAdapterException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(503);
                    assertThat(e.isRateLimited()).isFalse();
                });
        assertThat(budget.pauses).isEmpty();
    }

    @Test
    void refusedTokenIsAConfigProblemThatNeverShowsTheToken() {
        // given
        CommandWriter wrongToken = WriterFixture.writer(simulator, budget, Map.of("access-token", "pat-na1-wrong"));

        // when / then
        assertThatThrownBy(() -> wrongToken.write(List.of(upsert("ann@example.com"))))
                .isInstanceOf(AdapterConfigException.class)
                .hasMessageContaining("found 401").hasMessageContaining("HUBSPOT_ACCESS_TOKEN")
                .hasMessageNotContaining("pat-na1-wrong").hasMessageNotContaining("ann@example.com");
    }

    @Test
    void timeoutIsTransientWithoutStatus() {
        // given
        CommandWriter impatient = WriterFixture.writer(simulator, budget, Map.of("timeout-ms", "300"));
        simulator.delayNextResponse(Duration.ofSeconds(2));

        // when / then
        assertThatThrownBy(() -> impatient.write(List.of(upsert("ann@example.com"))))
                .isInstanceOfSatisfying(TransientAdapterException.class, e -> assertThat(e.httpStatus()).isZero());
    }

    @Test
    void aSpentWindowIsWaitedOutInsteadOfRefused() {
        // given: HubSpot allows one call per half second, and says so in its headers
        simulator.setRateLimit(1, Duration.ofMillis(500));
        List<OutboundItem> items = IntStream.range(0, 250).mapToObj(i -> upsert("p" + i + "@example.com")).toList();

        // when
        WriteResult result = writer.write(items);

        // then
        assertThat(result.outcomes().values()).allMatch(o -> o instanceof WriteOutcome.Written);
        assertThat(result.calls()).extracting(WriteResult.Call::status).containsExactly(200, 200, 200);
        assertThat(simulator.rateLimitedCount()).isZero();
        assertThat(budget.pauses).isEmpty();
    }

    @Test
    void everyCallTakesAPermitAndReportsHubSpotsRemainingBudget() {
        // when
        writer.write(List.of(upsert("ann@example.com")));

        // then
        assertThat(budget.acquired).hasValue(1);
        assertThat(budget.observed).singleElement().satisfies(o -> assertThat(o).containsExactly(99L, 100L));
    }
}
