package dev.crmsync.adapter.instantly;

import dev.crmsync.core.config.AdapterConfig;
import dev.crmsync.core.config.ConfigSpec;
import dev.crmsync.core.spi.AdapterContext;
import dev.crmsync.core.spi.AdapterProvider;
import dev.crmsync.core.spi.SystemAdapter;

/** Found by {@link java.util.ServiceLoader}: builds the Instantly adapter from its config. */
public final class InstantlyAdapterProvider implements AdapterProvider {

    static final String SYSTEM_ID = "instantly";

    @Override
    public String systemId() {
        return SYSTEM_ID;
    }

    @Override
    public ConfigSpec configSpec() {
        return InstantlyAdapterConfig.SPEC;
    }

    @Override
    public SystemAdapter create(AdapterConfig config, AdapterContext context) {
        return new InstantlyAdapter(InstantlyAdapterConfig.from(config), context);
    }
}
