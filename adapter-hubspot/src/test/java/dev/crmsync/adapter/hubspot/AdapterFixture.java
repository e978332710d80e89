package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.config.AdapterConfig;
import dev.crmsync.core.spi.AdapterContext;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Builds the whole adapter through the provider, pointed at a simulator, as the service would. */
final class AdapterFixture {
    private AdapterFixture() {
    }

    static HubSpotAdapter adapter(HubSpotSimulator simulator, Map<String, String> overrides) {
        Map<String, String> raw = new HashMap<>(simulator.adapterConfig());
        raw.putAll(overrides);
        return adapter(raw, AdapterContext.unlimited(Clock.systemUTC()));
    }

    /** The adapter built from exactly these settings, with this context. */
    static HubSpotAdapter adapter(Map<String, String> raw, AdapterContext context) {
        HubSpotAdapterProvider provider = new HubSpotAdapterProvider();
        AdapterConfig config = provider.configSpec().parse("sync.adapters.hubspot.", raw);
        return (HubSpotAdapter) provider.create(config, context);
    }
}
