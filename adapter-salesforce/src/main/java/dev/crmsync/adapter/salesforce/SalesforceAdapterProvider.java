package dev.crmsync.adapter.salesforce;

import dev.crmsync.core.config.AdapterConfig;
import dev.crmsync.core.config.ConfigSpec;
import dev.crmsync.core.spi.AdapterContext;
import dev.crmsync.core.spi.AdapterProvider;
import dev.crmsync.core.spi.SystemAdapter;

/** Found by {@link java.util.ServiceLoader}; builds the Salesforce adapter from its validated config. */
public final class SalesforceAdapterProvider implements AdapterProvider {
    static final String SYSTEM_ID = "salesforce";

    @Override
    public String systemId() {
        return SYSTEM_ID;
    }

    @Override
    public ConfigSpec configSpec() {
        return SalesforceAdapterConfig.SPEC;
    }

    /** @throws dev.crmsync.core.spi.AdapterConfigException when a value cannot work or no grant is configured */
    @Override
    public SystemAdapter create(AdapterConfig config, AdapterContext context) {
        return new SalesforceAdapter(SalesforceAdapterConfig.from(config), context);
    }
}
