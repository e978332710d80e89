package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.config.AdapterConfig;
import dev.crmsync.core.config.ConfigSpec;
import dev.crmsync.core.spi.AdapterContext;
import dev.crmsync.core.spi.AdapterProvider;
import dev.crmsync.core.spi.SystemAdapter;

/** Found by {@link java.util.ServiceLoader}; builds the HubSpot adapter from its validated config. */
public final class HubSpotAdapterProvider implements AdapterProvider {
    static final String SYSTEM_ID = "hubspot";

    @Override
    public String systemId() {
        return SYSTEM_ID;
    }

    @Override
    public ConfigSpec configSpec() {
        return HubSpotAdapterConfig.SPEC;
    }

    /** @throws dev.crmsync.core.spi.AdapterConfigException when a value cannot work or the access token is missing */
    @Override
    public SystemAdapter create(AdapterConfig config, AdapterContext context) {
        return new HubSpotAdapter(HubSpotAdapterConfig.from(config), context);
    }
}
