package dev.crmsync.core.config;

import dev.crmsync.core.spi.AdapterConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A validated configuration: typed getters over the keys its {@link ConfigSpec} declares. */
public final class AdapterConfig {
    private final ConfigSpec spec;
    private final Map<String, String> values;

    AdapterConfig(ConfigSpec spec, Map<String, String> values) {
        this.spec = spec;
        this.values = Map.copyOf(values);
    }

    public Optional<String> string(String key) {
        return Optional.ofNullable(values.get(declared(key)));
    }

    public String requireString(String key) {
        return string(key).orElseThrow(() -> new AdapterConfigException(key + " is not set"));
    }

    public URI uri(String key) {
        return URI.create(requireString(key));
    }

    public int integer(String key) {
        return Integer.parseInt(requireString(key));
    }

    public double decimal(String key) {
        return Double.parseDouble(requireString(key));
    }

    public boolean bool(String key) {
        return Boolean.parseBoolean(requireString(key));
    }

    public Duration millis(String key) {
        return Duration.ofMillis(Long.parseLong(requireString(key)));
    }

    public Optional<Secret> secret(String key) {
        return string(key).map(Secret::of);
    }

    private String declared(String key) {
        if (!spec.keys().containsKey(key)) {
            throw new IllegalArgumentException("config key not declared in the spec: " + key);
        }
        return key;
    }

    /** The values with secrets masked, safe to log. */
    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        values.forEach((k, v) -> shown.put(k, spec.keys().get(k).secret() ? "******" : v));
        return "AdapterConfig" + shown;
    }
}
