package dev.crmsync.testkit.hubspot;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One contact input of one {@code contacts/batch/upsert} request, as the simulator applied it, for tests
 * that count what an integration wrote.
 *
 * @param request   the request's sequence number: inputs of one request share it
 * @param email     the contact's lower-cased email
 * @param requested the properties the input set, as sent ({@code ""} clears), email left out
 * @param changed   the properties whose value it changed, with their new value (the email on creation)
 * @param at        when it was applied
 */
public record ContactWrite(long request, String email, Map<String, String> requested, Map<String, String> changed,
                           Instant at) {

    public ContactWrite {
        Objects.requireNonNull(email, "email");
        requested = Collections.unmodifiableMap(new LinkedHashMap<>(requested));
        changed = Collections.unmodifiableMap(new LinkedHashMap<>(changed));
        Objects.requireNonNull(at, "at");
    }

    /** Whether the input set {@code property} to the value the contact already held: a write that changed nothing. */
    public boolean isNoOp(String property) {
        return requested.containsKey(property) && !changed.containsKey(property);
    }
}
