package dev.crmsync.adapter.instantly;

import static dev.crmsync.adapter.instantly.OutboundItems.blocklisted;
import static dev.crmsync.adapter.instantly.OutboundItems.interest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmsync.core.spi.AdapterConfigException;
import dev.crmsync.core.spi.CommandWriter;
import dev.crmsync.core.spi.OutboundItem;
import dev.crmsync.core.spi.PermanentAdapterException;
import dev.crmsync.core.spi.TransientAdapterException;
import dev.crmsync.core.spi.WriteOutcome;
import dev.crmsync.core.spi.WriteResult;
import dev.crmsync.testkit.instantly.InstantlySimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InstantlyCommandWriterFailureIT {
    private static InstantlySimulator simulator;
    private RecordingRateBudget budget;
    private CommandWriter writer;

    @BeforeAll
    static void start() {
        simulator = InstantlySimulator.start();
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
        simulator.addLead("ann@example.com", null);
        simulator.addLead("bob@example.com", null);
    }

    @Test
    void rateLimitIsTransientWithRetryAfterAndPausesTheBudgetThenTheRetrySucceeds() {
        // given
        simulator.failNext(1, 429);
        List<OutboundItem> items = List.of(interest("ann@example.com", 1),
                interest("bob@example.com", 2));

        // when / then
        assertThatThrownBy(() -> writer.write(items)).isInstanceOfSatisfying(TransientAdapterException.class, e -> {
            assertThat(e.isRateLimited()).isTrue();
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
            assertThat(e.getMessage()).contains("expected HTTP 2xx, found 429").contains("Rate limit exceeded");
        });
        assertThat(budget.pauses).containsExactly(Duration.ofSeconds(1));
        assertThat(simulator.requestCount()).as("no call after the 429").isEqualTo(1);

        WriteResult retry = writer.write(items);
        assertThat(retry.outcomes().values()).allSatisfy(o -> assertThat(o).isInstanceOf(WriteOutcome.Written.class));
        assertThat(simulator.interestStatus("bob@example.com")).contains(2);
    }

    @Test
    void spentWorkspaceBudgetFailsTheRestTransientlyWithTheSimulatorsRetryAfter() {
        // given
        simulator.setRateLimits(1, 6_000);

        // when
        WriteResult result = writer.write(List.of(interest("ann@example.com", 1), interest("bob@example.com", 1)));

        // then
        assertThat(result.outcomes().get("upsert:ann@example.com")).isInstanceOf(WriteOutcome.Written.class);
        assertThat(result.outcomes().get("upsert:bob@example.com")).isInstanceOfSatisfying(WriteOutcome.Failed.class,
                f -> assertThat(f.error()).isInstanceOfSatisfying(TransientAdapterException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(1))));
        assertThat(simulator.rateLimitedCount()).isEqualTo(1);
        assertThat(budget.pauses).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void aTransientFailureAfterSomeItemsSettledFailsOnlyTheRest() {
        // given
        simulator.failNext("block-lists-entries/bulk-create", 1, 503);

        // when
        WriteResult result = writer.write(List.of(interest("ann@example.com", 1), blocklisted("bob@example.com")));

        // then
        assertThat(result.outcomes().get("upsert:ann@example.com")).isInstanceOf(WriteOutcome.Written.class);
        assertThat(result.outcomes().get("upsert:bob@example.com")).isInstanceOfSatisfying(WriteOutcome.Failed.class,
                f -> assertThat(f.error()).isInstanceOf(TransientAdapterException.class));
    }

    @Test
    void refusedKeyIsAConfigProblemNamingTheVariableNeverTheKey() {
        // given
        writer = WriterFixture.writer(simulator, budget, Map.of("api-key", "wrong-key-123"));

        // when / then
        assertThatThrownBy(() -> writer.write(List.of(interest("ann@example.com", 1))))
                .isInstanceOfSatisfying(AdapterConfigException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(401);
                    assertThat(e.getMessage()).contains("INSTANTLY_API_KEY").doesNotContain("wrong-key-123");
                });
    }

    @Test
    void badRequestFailsOnlyThatItemPermanentlyWithInstantlysMessage() {
        // when
        WriteResult result = writer.write(List.of(interest("ann@example.com", 9), interest("bob@example.com", 1)));

        // then
        assertThat(result.outcomes().get("upsert:ann@example.com")).isInstanceOfSatisfying(WriteOutcome.Failed.class,
                f -> {
                    assertThat(f.error()).isInstanceOf(PermanentAdapterException.class);
                    assertThat(f.error().httpStatus()).isEqualTo(400);
                    assertThat(f.error().getMessage()).contains("interest_value must be one of");
                });
        assertThat(result.outcomes().get("upsert:bob@example.com")).isInstanceOf(WriteOutcome.Written.class);
        assertThat(simulator.interestStatus("bob@example.com")).contains(1);
    }

    @Test
    void refusedBlockListBulkIsRetriedOneByOneSoOnlyTheBadOneFails() {
        // given
        simulator.failNext("block-lists-entries/bulk-create", 1, 400);

        // when
        WriteResult result = writer.write(List.of(blocklisted("ann@example.com"), blocklisted("bob@example.com")));

        // then
        assertThat(result.outcomes().values()).allSatisfy(o -> assertThat(o).isInstanceOf(WriteOutcome.Written.class));
        assertThat(simulator.requestsByOperation()).containsEntry("block-lists-entries/bulk-create", 3);
        assertThat(simulator.blockList()).containsExactly("ann@example.com", "bob@example.com");
    }

    @Test
    void timeoutIsTransientAndSaysTheWriteMayHaveBeenApplied() {
        // given
        writer = WriterFixture.writer(simulator, budget, Map.of("timeout-ms", "200"));
        simulator.delayNextResponse(Duration.ofMillis(1_000));

        // when / then
        assertThatThrownBy(() -> writer.write(List.of(interest("ann@example.com", 3))))
                .isInstanceOfSatisfying(TransientAdapterException.class, e -> {
                    assertThat(e.httpStatus()).isZero();
                    assertThat(e.getMessage()).contains("may still have been applied");
                });
        assertThat(simulator.interestStatus("ann@example.com")).contains(3);
    }
}
