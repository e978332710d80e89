package dev.crmsync.core.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id of a connected system, e.g. {@code instantly} or {@code hubspot}. It is also the
 * adapter's config prefix and the key of the system's block in the mapping file.
 */
public record SystemId(String value) implements Comparable<SystemId> {
    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9-]*");

    public SystemId {
        Objects.requireNonNull(value, "value");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "system id must be lower-case letters, digits or '-', starting with a letter; found '" + value + "'");
        }
    }

    public static SystemId of(String value) {
        return new SystemId(value);
    }

    @Override
    public int compareTo(SystemId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
