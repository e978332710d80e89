package dev.crmsync.core.spi;

import dev.crmsync.core.mapping.Mapping;

/**
 * Hears which mapping is in force, for adapters whose work depends on it (e.g. a {@link RecordSource} that
 * asks the system only for the fields the rules read). The host calls it once the adapter is built and after
 * every successful reload, on its own thread; it must be quick and must not call the system. Thread-safe.
 */
public interface MappingObserver {

    void mappingLoaded(Mapping mapping);
}
