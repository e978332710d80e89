package dev.crmsync.core.config;

import dev.crmsync.core.spi.AdapterConfigException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An adapter's configuration declared as data: key, type, default, description and whether it is
 * secret. {@link #validate} reports every problem at once, so an operator fixes a bad setup in one
 * go; {@link #parse} turns a raw map into an {@link AdapterConfig} or fails with that list.
 */
public final class ConfigSpec {

    /**
     * One declared key. {@code defaultValue} is null for keys without a default. A {@code credential}
     * is a secret that authorises our calls to the system: when no credential is set and a simulator
     * exists, the service runs that system in sandbox mode.
     */
    public record Key(String name, Class<?> type, boolean required, boolean secret, boolean credential,
                      String defaultValue, String description) {
        public Key {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            description = description == null ? "" : description;
        }
    }

    private final Map<String, Key> keys;

    private ConfigSpec(Map<String, Key> keys) {
        this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<String, Key> keys() {
        return keys;
    }

    /** The names of the credential keys. */
    public List<String> credentialKeys() {
        return keys.values().stream().filter(Key::credential).map(Key::name).toList();
    }

    /** Every problem with {@code raw}, each naming the key and what was expected; empty when valid. */
    public List<String> validate(String prefix, Map<String, String> raw) {
        List<String> problems = new ArrayList<>();
        for (Key key : keys.values()) {
            String value = raw.get(key.name());
            boolean blank = value == null || value.isBlank();
            if (blank) {
                if (key.required() && key.defaultValue() == null) {
                    problems.add(prefix + key.name() + " is required: " + key.description());
                }
                continue;
            }
            String typeProblem = typeProblem(key, value.trim());
            if (typeProblem != null) {
                problems.add(prefix + key.name() + " " + typeProblem);
            }
        }
        return problems;
    }

    public AdapterConfig parse(String prefix, Map<String, String> raw) {
        List<String> problems = validate(prefix, raw);
        if (!problems.isEmpty()) {
            throw new AdapterConfigException(String.join("; ", problems));
        }
        Map<String, String> effective = new LinkedHashMap<>();
        for (Key key : keys.values()) {
            String value = raw.get(key.name());
            if (value == null || value.isBlank()) {
                value = key.defaultValue();
            }
            if (value != null) {
                effective.put(key.name(), value.trim());
            }
        }
        return new AdapterConfig(this, effective);
    }

    private static String typeProblem(Key key, String value) {
        try {
            if (key.type() == Integer.class) {
                Integer.parseInt(value);
            } else if (key.type() == Long.class) {
                Long.parseLong(value);
            } else if (key.type() == Double.class) {
                Double.parseDouble(value);
            } else if (key.type() == Boolean.class) {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    return "must be true or false, found '" + value + "'";
                }
            } else if (key.type() == URI.class) {
                URI uri = URI.create(value);
                if (uri.getScheme() == null || uri.getHost() == null) {
                    return "must be an absolute URL such as https://host, found '" + value + "'";
                }
            }
            return null;
        } catch (IllegalArgumentException e) {
            return "must be a " + key.type().getSimpleName() + ", found '" + (key.secret() ? "******" : value) + "'";
        }
    }

    public static final class Builder {
        private final Map<String, Key> keys = new LinkedHashMap<>();

        public Builder required(String name, Class<?> type, String description) {
            return add(new Key(name, type, true, false, false, null, description));
        }

        public Builder optional(String name, Class<?> type, Object defaultValue, String description) {
            return add(new Key(name, type, false, false, false,
                    defaultValue == null ? null : String.valueOf(defaultValue), description));
        }

        /** A secret, optional unless {@link #requiredSecret} is used: absent means "not configured". */
        public Builder secret(String name, String description) {
            return add(new Key(name, String.class, false, true, false, null, description));
        }

        public Builder requiredSecret(String name, String description) {
            return add(new Key(name, String.class, true, true, false, null, description));
        }

        /** A secret that authorises our outbound calls (API key, access token); see {@link Key#credential()}. */
        public Builder credential(String name, String description) {
            return add(new Key(name, String.class, false, true, true, null, description));
        }

        private Builder add(Key key) {
            if (keys.putIfAbsent(key.name(), key) != null) {
                throw new IllegalArgumentException("config key declared twice: " + key.name());
            }
            return this;
        }

        public ConfigSpec build() {
            return new ConfigSpec(keys);
        }
    }
}
