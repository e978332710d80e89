package dev.crmsync.adapter.salesforce;

import dev.crmsync.core.config.AdapterConfig;
import dev.crmsync.core.model.Activity;
import dev.crmsync.core.model.Command;
import dev.crmsync.core.model.Identity;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.spi.AdapterContext;
import dev.crmsync.core.spi.OutboundItem;
import dev.crmsync.core.spi.RateBudget;
import dev.crmsync.testkit.salesforce.SalesforceSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the real adapter against a simulator, and outbound items with defaults. */
final class SalesforceFixture {
    static final SystemId SALESFORCE = SystemId.of("salesforce");
    static final Instant OCCURRED_AT = Instant.parse("2026-03-02T09:15:30Z");

    private SalesforceFixture() {
    }

    static SalesforceAdapter adapter(SalesforceSimulator simulator, Map<String, String> overrides) {
        return adapter(simulator, overrides, RateBudget.UNLIMITED, Clock.systemUTC());
    }

    static SalesforceAdapter adapter(SalesforceSimulator simulator, Map<String, String> overrides, RateBudget budget,
                                     Clock clock) {
        Map<String, String> raw = new HashMap<>(simulator.adapterConfig());
        raw.putAll(overrides);
        AdapterConfig config = SalesforceAdapterConfig.SPEC.parse("SALESFORCE_", raw);
        return new SalesforceAdapter(SalesforceAdapterConfig.from(config), new AdapterContext(clock, budget, "crm-sync"));
    }

    static OutboundItem upsert(String email, Map<String, String> fields) {
        return new OutboundItem("upsert:" + email, new Command.Upsert(SALESFORCE, Identity.ofEmail(email), fields,
                OCCURRED_AT), 0);
    }

    static OutboundItem task(String email, String key) {
        Activity activity = new Activity("task", key, "Reply received", "Sounds good, <Tuesday>?", OCCURRED_AT,
                Map.of("campaign", "c-1"));
        return new OutboundItem("activity:" + key, new Command.AddActivity(SALESFORCE, Identity.ofEmail(email),
                activity), 0);
    }

    static OutboundItem retried(OutboundItem item) {
        return new OutboundItem(item.key(), item.command(), item.attempt() + 1);
    }

    /** A host budget that records what the adapter told it. */
    static final class RecordingBudget implements RateBudget {
        final List<Duration> pauses = new ArrayList<>();
        long remaining = -1;
        long max = -1;

        @Override
        public void acquire() {
        }

        @Override
        public synchronized void pauseFor(Duration wait) {
            pauses.add(wait);
        }

        @Override
        public synchronized void observeRemaining(long remaining, long max) {
            this.remaining = remaining;
            this.max = max;
        }
    }
}
