package dev.crmsync.adapter.instantly;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides what to do about webhook subscriptions Instantly disabled after failed deliveries: resume
 * each of them, and reconcile the events that were not delivered meanwhile, from the earliest
 * {@code timestamp_error} up to now. Pure: no I/O, no clock, no threads; the service lists the
 * subscriptions, schedules the check, resumes with {@link InstantlyClient#resumeWebhook} and runs
 * the reconcile job over the window.
 */
public final class InstantlyWebhookWatchdog {
    private final Duration fallbackLookback;

    /**
     * @param fallbackLookback how far back to reconcile for a subscription that is disabled but carries
     *                         no usable {@code timestamp_error} (e.g. the time between two checks)
     */
    public InstantlyWebhookWatchdog(Duration fallbackLookback) {
        Objects.requireNonNull(fallbackLookback, "fallbackLookback");
        if (fallbackLookback.isNegative() || fallbackLookback.isZero()) {
            throw new IllegalArgumentException("fallbackLookback must be above zero, found " + fallbackLookback);
        }
        this.fallbackLookback = fallbackLookback;
    }

    /** The disabled subscriptions among {@code subscriptions}, and the window to reconcile; empty when all are active. */
    public WatchdogPlan plan(List<InstantlyWebhook> subscriptions, Instant now) {
        Objects.requireNonNull(now, "now");
        List<WatchdogPlan.Resumption> resume = new ArrayList<>();
        for (InstantlyWebhook webhook : subscriptions) {
            if (webhook.isPaused()) {
                Instant since = webhook.timestampError();
                // A missing or future time (clock skew) would hide the gap; look back a fixed span instead.
                if (since == null || since.isAfter(now)) {
                    since = now.minus(fallbackLookback);
                }
                resume.add(new WatchdogPlan.Resumption(webhook.id(), webhook.eventType(), since));
            }
        }
        Optional<WatchdogPlan.Window> window = resume.stream().map(WatchdogPlan.Resumption::pausedSince)
                .min(Comparator.naturalOrder()).map(from -> new WatchdogPlan.Window(from, now));
        return new WatchdogPlan(resume, window);
    }
}
