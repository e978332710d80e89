package dev.crmsync.adapter.instantly;

import dev.crmsync.core.config.AdapterConfig;
import dev.crmsync.core.config.Secret;
import dev.crmsync.core.spi.AdapterContext;
import dev.crmsync.core.spi.CommandWriter;
import dev.crmsync.core.spi.RateBudget;
import dev.crmsync.testkit.instantly.InstantlySimulator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Builds the real writer through the provider, and the real client, pointed at a simulator, as the service would. */
final class WriterFixture {
    private WriterFixture() {
    }

    static CommandWriter writer(InstantlySimulator simulator, RateBudget budget, Map<String, String> overrides) {
        Map<String, String> raw = new HashMap<>(simulator.adapterConfig());
        raw.put("webhook-secret", "whsec-test");
        raw.putAll(overrides);
        InstantlyAdapterProvider provider = new InstantlyAdapterProvider();
        AdapterConfig config = provider.configSpec().parse("sync.adapters.instantly.", raw);
        return provider.create(config, new AdapterContext(Clock.systemUTC(), budget, "crm-sync"))
                .commandWriter().orElseThrow();
    }

    static CommandWriter writer(InstantlySimulator simulator, RateBudget budget) {
        return writer(simulator, budget, Map.of());
    }

    static InstantlyClient client(InstantlySimulator simulator, RateBudget budget) {
        return new InstantlyClient(URI.create(simulator.baseUrl()), Secret.of(simulator.apiKey()), Duration.ofSeconds(5),
                budget);
    }
}
