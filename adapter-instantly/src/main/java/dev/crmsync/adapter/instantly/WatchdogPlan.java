package dev.crmsync.adapter.instantly;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link InstantlyWebhookWatchdog} found: subscriptions to resume and the time window whose
 * events may have been lost while they were disabled.
 *
 * @param toResume the disabled subscriptions, in the order listed
 * @param window   from the earliest disablement to now; empty when nothing is disabled
 */
public record WatchdogPlan(List<Resumption> toResume, Optional<Window> window) {
    public WatchdogPlan {
        toResume = List.copyOf(toResume);
        Objects.requireNonNull(window, "window");
    }

    public boolean isAllClear() {
        return toResume.isEmpty();
    }

    /** One subscription to resume, and since when it has not delivered. */
    public record Resumption(String webhookId, String eventType, Instant pausedSince) {
        public Resumption {
            Objects.requireNonNull(webhookId, "webhookId");
            Objects.requireNonNull(pausedSince, "pausedSince");
        }
    }

    /** A half-open span of source time, {@code [from, to)}, to reconcile. */
    public record Window(Instant from, Instant to) {
        public Window {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (from.isAfter(to)) {
                throw new IllegalArgumentException("window must not end before it starts: " + from + " > " + to);
            }
        }
    }
}
