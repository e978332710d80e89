package dev.crmsync.adapter.hubspot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One contact to upsert by e-mail: the merged fields of every upsert for that person in the batch,
 * or none when the person is only there so a note has a contact to hang on.
 *
 * @param email      the normalised e-mail, HubSpot's {@code idProperty}
 * @param properties HubSpot property values to set
 * @param clearFirst properties to clear in an upsert of their own before this one sets them (a lifecycle
 *                   stage moving back: HubSpot only takes it forward)
 */
record ContactInput(String email, Map<String, String> properties, Set<String> clearFirst) {

    ContactInput {
        Objects.requireNonNull(email, "email");
        properties = Map.copyOf(properties);
        clearFirst = Set.copyOf(clearFirst);
    }

    ContactInput(String email, Map<String, String> properties) {
        this(email, properties, Set.of());
    }

    ContactInput withFields(Map<String, String> fields, Set<String> clear) {
        Map<String, String> merged = new LinkedHashMap<>(properties);
        merged.putAll(fields);
        Set<String> clears = new TreeSet<>(clearFirst);
        clears.addAll(clear);
        return new ContactInput(email, merged, clears);
    }

    /** The input that clears {@link #clearFirst}: sent, and answered, before this one. */
    ContactInput clearing() {
        Map<String, String> cleared = new LinkedHashMap<>();
        clearFirst.forEach(name -> cleared.put(name, ""));
        return new ContactInput(email, cleared);
    }

    /** True when the input sets more than the e-mail, so a rejection may be about those values rather than the person. */
    boolean hasFields() {
        return properties.keySet().stream().anyMatch(name -> !name.equals("email"));
    }

    @Override
    public String toString() {
        return "ContactInput[fields=" + properties.keySet() + "]";
    }
}
