package dev.crmsync.core.spi;

import dev.crmsync.core.config.AdapterConfig;
import dev.crmsync.core.config.ConfigSpec;

/**
 * The type {@link java.util.ServiceLoader} discovers: a cheap factory with a public no-argument
 * constructor, listed in {@code META-INF/services/dev.crmsync.core.spi.AdapterProvider} of its
 * adapter module. The engine never names an adapter class; it only knows providers by
 * {@link #systemId()}.
 */
public interface AdapterProvider {

    /** The system's id, e.g. {@code hubspot}: the config prefix and the mapping file's key. */
    String systemId();

    /** The keys this adapter reads, validated before {@link #create} is called. */
    ConfigSpec configSpec();

    /**
     * Builds the adapter. Called once at start-up on the main thread with a config that passed
     * {@link #configSpec()}; throws {@link AdapterConfigException} when the values cannot work.
     */
    SystemAdapter create(AdapterConfig config, AdapterContext context);
}
