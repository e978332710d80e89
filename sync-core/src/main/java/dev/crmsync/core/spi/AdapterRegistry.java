package dev.crmsync.core.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The adapter providers on the class path, by system id. */
public final class AdapterRegistry {
    private final Map<String, AdapterProvider> providers;

    AdapterRegistry(List<AdapterProvider> found) {
        Map<String, AdapterProvider> byId = new TreeMap<>();
        for (AdapterProvider provider : found) {
            AdapterProvider previous = byId.putIfAbsent(provider.systemId(), provider);
            if (previous != null) {
                throw new AdapterConfigException("two adapters claim system id '" + provider.systemId() + "': "
                        + previous.getClass().getName() + " and " + provider.getClass().getName());
            }
        }
        this.providers = Collections.unmodifiableMap(byId);
    }

    /** Every provider listed in a {@code META-INF/services} file on the class path. */
    public static AdapterRegistry discover() {
        List<AdapterProvider> found = new ArrayList<>();
        ServiceLoader.load(AdapterProvider.class).forEach(found::add);
        return new AdapterRegistry(found);
    }

    public static AdapterRegistry of(List<AdapterProvider> providers) {
        return new AdapterRegistry(providers);
    }

    public List<String> systemIds() {
        return List.copyOf(providers.keySet());
    }

    public List<AdapterProvider> providers() {
        return List.copyOf(providers.values());
    }

    public AdapterProvider get(String systemId) {
        AdapterProvider provider = providers.get(systemId);
        if (provider == null) {
            throw new AdapterConfigException("no adapter for system '" + systemId + "'; found: " + providers.keySet());
        }
        return provider;
    }
}
