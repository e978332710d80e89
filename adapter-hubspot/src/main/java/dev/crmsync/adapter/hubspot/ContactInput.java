package dev.crmsync.adapter.hubspot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One contact to upsert by e-mail: the merged fields of every upsert for that person in the batch,
 * or none when the person is only there so a note has a contact to hang on.
 *
 * @param email      the normalised e-mail, HubSpot's {@code idProperty}
 * @param properties HubSpot property values to set
 */
record ContactInput(String email, Map<String, String> properties) {

    ContactInput {
        Objects.requireNonNull(email, "email");
        properties = Map.copyOf(properties);
    }

    ContactInput withFields(Map<String, String> fields) {
        Map<String, String> merged = new LinkedHashMap<>(properties);
        merged.putAll(fields);
        return new ContactInput(email, merged);
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
