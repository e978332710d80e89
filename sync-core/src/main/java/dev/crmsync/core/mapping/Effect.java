package dev.crmsync.core.mapping;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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

    /**
     * The target keeps what it has now; the status is worth looking at again later (e.g. out of office).
     *
     * @param after how long to wait before looking again, when the mapping says ({@code retry-later: 24h})
     */
    record RetryLater(Optional<Duration> after) implements Effect {
        public RetryLater {
            Objects.requireNonNull(after, "after");
            after.ifPresent(d -> {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("retry-later needs a positive duration, found " + d);
                }
            });
        }

        /** Retry later, with no particular delay. */
        public RetryLater() {
            this(Optional.empty());
        }
    }
}
