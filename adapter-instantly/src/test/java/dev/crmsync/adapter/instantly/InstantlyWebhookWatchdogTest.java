package dev.crmsync.adapter.instantly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstantlyWebhookWatchdogTest {
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private final InstantlyWebhookWatchdog watchdog = new InstantlyWebhookWatchdog(Duration.ofMinutes(15));

    private static InstantlyWebhook webhook(String id, Integer status, Instant timestampError) {
        return new InstantlyWebhook(id, "https://sync.example/webhooks/instantly", "all_events", null, "crm-sync",
                Map.of(), status, timestampError);
    }

    @Test
    void allActiveMeansNothingToDo() {
        WatchdogPlan plan = watchdog.plan(List.of(webhook("w1", 1, null), webhook("w2", 1, NOW.minusSeconds(9_000))), NOW);

        assertThat(plan.isAllClear()).isTrue();
        assertThat(plan.window()).isEmpty();
    }

    @Test
    void pausedSubscriptionIsResumedAndItsGapReconciledFromWhenItWasPaused() {
        Instant pausedAt = NOW.minus(Duration.ofHours(2));

        WatchdogPlan plan = watchdog.plan(List.of(webhook("w1", 1, null), webhook("w2", -1, pausedAt)), NOW);

        assertThat(plan.toResume()).containsExactly(new WatchdogPlan.Resumption("w2", "all_events", pausedAt));
        assertThat(plan.window()).contains(new WatchdogPlan.Window(pausedAt, NOW));
    }

    @Test
    void theWindowStartsAtTheEarliestPause() {
        Instant early = NOW.minus(Duration.ofHours(5));
        Instant late = NOW.minus(Duration.ofMinutes(10));

        WatchdogPlan plan = watchdog.plan(List.of(webhook("w1", -1, late), webhook("w2", -1, early)), NOW);

        assertThat(plan.toResume()).extracting(WatchdogPlan.Resumption::webhookId).containsExactly("w1", "w2");
        assertThat(plan.window()).contains(new WatchdogPlan.Window(early, NOW));
    }

    @Test
    void pausedWithoutATimeLooksBackTheFallbackSpan() {
        WatchdogPlan plan = watchdog.plan(List.of(webhook("w1", -1, null)), NOW);

        assertThat(plan.window()).contains(new WatchdogPlan.Window(NOW.minus(Duration.ofMinutes(15)), NOW));
    }

    @Test
    void aPauseTimeInTheFutureIsTreatedAsUnknown() {
        WatchdogPlan plan = watchdog.plan(List.of(webhook("w1", -1, NOW.plusSeconds(30))), NOW);

        assertThat(plan.toResume().get(0).pausedSince()).isEqualTo(NOW.minus(Duration.ofMinutes(15)));
    }

    @Test
    void anyStatusOtherThanActiveCountsAsPausedButAMissingStatusDoesNot() {
        WatchdogPlan plan = watchdog.plan(List.of(webhook("w1", 0, NOW), webhook("w2", null, NOW)), NOW);

        assertThat(plan.toResume()).extracting(WatchdogPlan.Resumption::webhookId).containsExactly("w1");
    }

    @Test
    void fallbackSpanMustBePositive() {
        assertThatThrownBy(() -> new InstantlyWebhookWatchdog(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
