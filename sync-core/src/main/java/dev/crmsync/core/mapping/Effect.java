package dev.crmsync.core.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a canonical status (or a suppression) does to one target system. */
public sealed interface Effect permits Effect.SetFields, Effect.NoChange, Effect.RetryLater {

    static Effect set(Map<String, String> fields) {
        return new SetFields(fields);
    }

    /** Set these fields on the person's record in the target. */
    record SetFields(Map<String, String> fields) implements Effect {
        public SetFields {
            // Keep the mapping file's order: decisions and traces then read in the order revops wrote.
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("a 'set' effect needs at least one field");
            }
        }
    }

    /** The target keeps what it has. */
    record NoChange() implements Effect {
    }

    /** The target keeps what it has now; the status is worth looking at again later (e.g. out of office). */
    record RetryLater() implements Effect {
    }
}
