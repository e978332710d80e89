package dev.crmsync.core.mapping;

import dev.crmsync.core.model.SystemId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A field of one system copied into a field of another (the mapping file's
 * {@code fields.<source>.<field>.to.<target>}), through zero or more transforms. The value is read
 * from the change's fields (Instantly reports custom variables as {@code custom.<name>} and lead
 * data as {@code lead.<key>}), or else from its attributes.
 *
 * @param transforms applied in order; field-level steps first, then the target's own
 */
public record FieldMapping(SystemId source, String field, SystemId target, String targetField,
                           List<Transform> transforms) {

    public FieldMapping {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(targetField, "targetField");
        transforms = List.copyOf(transforms);
    }

    /** The value to write, or empty when a transform could not produce one. */
    public Optional<String> convert(String value) {
        Optional<String> current = Optional.of(value);
        for (Transform step : transforms) {
            current = current.flatMap(step::apply);
        }
        return current;
    }
}
