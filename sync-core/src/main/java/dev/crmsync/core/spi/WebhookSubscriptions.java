package dev.crmsync.core.spi;

import dev.crmsync.core.config.Secret;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Keeps a system's webhook subscriptions pointed at us, for systems whose API manages them (e.g. a
 * vendor that disables a subscription after failed deliveries). The host decides when: an admin call
 * runs {@link #sync}; a scheduled watchdog runs {@link #resumePaused}, then {@link #reconcile} for each
 * gap. Implementations call the vendor's API and may throw {@link AdapterException}; they never log
 * secrets.
 */
public interface WebhookSubscriptions {

    /**
     * Makes the system deliver {@code eventTypes} to {@code endpoint} with {@code secret}: creates what is
     * missing, corrects what drifted, leaves every other subscription alone. Idempotent: a second call
     * with the same input changes nothing.
     *
     * @param endpoint   our public webhook URL, e.g. {@code https://sync.example.com/webhooks/instantly}
     * @param eventTypes the system's event types to subscribe to, at least one
     * @param secret     the shared secret the system should present; never logged
     * @return what changed, by subscription id
     * @throws IllegalArgumentException when {@code eventTypes} is empty or holds a blank type, or the
     *                                  endpoint is not http(s)
     */
    SyncReport sync(URI endpoint, List<String> eventTypes, Secret secret);

    /**
     * Resumes every subscription the system disabled and says, for each, since when it has not
     * delivered: events in {@code [pausedSince, resumedAt)} may be lost and need a reconcile.
     *
     * @param now      the time of this check, used as {@code resumedAt}
     * @param lookback how far back to assume the gap starts when the system does not say when it
     *                 disabled a subscription (e.g. the interval between two checks)
     * @return the subscriptions resumed by this call; empty when all were active
     */
    List<PausedSubscription> resumePaused(Instant now, Duration lookback);

    /**
     * Fills a gap {@link #resumePaused} reported: pages the system's records changed at or after
     * {@code since} and returns them as events in the system's own webhook format, as its
     * {@link EventTranslator#parse} would return them, so the host stores and translates them like any
     * delivered webhook. Each event's dedup key is stable for the same record state: calling again with
     * no change in the system yields the same keys, so storing them again stores nothing new. May do
     * I/O (one listing of the system's records); never logs personal data or secrets.
     *
     * @param since the start of the gap, e.g. {@link PausedSubscription#pausedSince()}
     * @return one event per record changed since then, in no particular order; empty when none changed
     * @throws TransientAdapterException when the system cannot answer now (timeout, rate limit, 5xx)
     */
    List<ParsedEvent> reconcile(Instant since);

    /**
     * What one {@link #sync} did, by subscription id.
     *
     * @param created   subscriptions created
     * @param updated   our subscriptions corrected (headers, name)
     * @param unchanged our subscriptions already as wanted
     * @param leftAlone every other subscription, untouched
     */
    record SyncReport(List<String> created, List<String> updated, List<String> unchanged, List<String> leftAlone) {
        public SyncReport {
            created = List.copyOf(created);
            updated = List.copyOf(updated);
            unchanged = List.copyOf(unchanged);
            leftAlone = List.copyOf(leftAlone);
        }

        /** True when the call created and updated nothing. */
        public boolean changedNothing() {
            return created.isEmpty() && updated.isEmpty();
        }
    }

    /**
     * One subscription {@link #resumePaused} resumed, and the window whose events may have been lost.
     *
     * @param subscriptionId the system's id for the subscription
     * @param eventType      the event type it delivers, or null when the system names none
     * @param pausedSince    since when it has not delivered (the system's word, or {@code now - lookback})
     * @param resumedAt      when it was resumed
     */
    record PausedSubscription(String subscriptionId, String eventType, Instant pausedSince, Instant resumedAt) {
        public PausedSubscription {
            Objects.requireNonNull(subscriptionId, "subscriptionId");
            Objects.requireNonNull(pausedSince, "pausedSince");
            Objects.requireNonNull(resumedAt, "resumedAt");
        }
    }
}
