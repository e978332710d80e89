package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.config.AdapterConfig;
import dev.crmsync.core.spi.AdapterContext;
import dev.crmsync.core.spi.CommandWriter;
import dev.crmsync.core.spi.RateBudget;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Builds the real writer through the provider, pointed at a simulator, as the service would. */
final class WriterFixture {
    private WriterFixture() {
    }

    static CommandWriter writer(HubSpotSimulator simulator, RateBudget budget, Map<String, String> overrides) {
        Map<String, String> raw = new HashMap<>(simulator.adapterConfig());
        raw.putAll(overrides);
        HubSpotAdapterProvider provider = new HubSpotAdapterProvider();
        AdapterConfig config = provider.configSpec().parse("sync.adapters.hubspot.", raw);
        return provider.create(config, new AdapterContext(Clock.systemUTC(), budget, "crm-sync"))
                .commandWriter().orElseThrow();
    }

    static CommandWriter writer(HubSpotSimulator simulator, RateBudget budget) {
        return writer(simulator, budget, Map.of());
    }
}
