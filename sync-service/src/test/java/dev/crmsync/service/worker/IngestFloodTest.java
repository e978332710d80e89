package dev.crmsync.service.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IngestFloodTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aFloodLastsTheHoldPastTheLastRequestThatReachedTheThreshold() {
        IngestFlood flood = new IngestFlood(2, now::get);
        flood.requestStarted();
        assertThat(flood.flooded()).as("below the threshold").isFalse();

        flood.requestStarted();
        assertThat(flood.flooded()).as("at the threshold").isTrue();

        flood.requestEnded();
        now.addAndGet(IngestFlood.HOLD.toNanos() - 1);
        assertThat(flood.flooded()).as("a dip between two requests").isTrue();

        now.addAndGet(1);
        assertThat(flood.flooded()).as("the hold is over").isFalse();
    }

    @Test
    void thresholdZeroNeverFloods() {
        IngestFlood flood = new IngestFlood(0, now::get);
        for (int i = 0; i < 100; i++) {
            flood.requestStarted();
        }
        assertThat(flood.flooded()).isFalse();
    }
}
