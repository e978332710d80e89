package dev.crmsync.core.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the engine asks a target system to do for one person. Commands are stored in the outbox
 * as JSON (the {@code kind} property names the variant) and handed to the target's
 * {@link dev.crmsync.core.spi.CommandWriter}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Command.Upsert.class, name = "upsert"),
        @JsonSubTypes.Type(value = Command.AddActivity.class, name = "activity")
})
public sealed interface Command permits Command.Upsert, Command.AddActivity {

    SystemId target();

    Identity who();

    /** The outbox kind, also the JSON discriminator. */
    String kind();

    /**
     * Set fields on the person's record in the target, creating the record if it is missing.
     *
     * @param observedAt the source observation time of the newest value in {@code fields}
     * @param clearFirst fields of {@code fields} that move back along a forward-only order: the target
     *                   must clear each in a request of its own before the one that sets it (never in the
     *                   same batch); empty for most upserts
     */
    record Upsert(SystemId target, Identity who, Map<String, String> fields, Instant observedAt,
                  Set<String> clearFirst) implements Command {
        public Upsert {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(who, "who");
            Objects.requireNonNull(observedAt, "observedAt");
            fields = Map.copyOf(fields);
            clearFirst = clearFirst == null ? Set.of() : Set.copyOf(clearFirst);
            if (!fields.keySet().containsAll(clearFirst)) {
                throw new IllegalArgumentException("clearFirst names fields the upsert does not set: " + clearFirst);
            }
        }

        public Upsert(SystemId target, Identity who, Map<String, String> fields, Instant observedAt) {
            this(target, who, fields, observedAt, Set.of());
        }

        @Override
        public String kind() {
            return "upsert";
        }

        @Override
        public String toString() {
            return "Upsert[target=" + target + ", who=" + who + ", fields=" + fields.keySet()
                    + (clearFirst.isEmpty() ? "" : ", clearFirst=" + clearFirst) + "]";
        }
    }

    /** Create an activity (note, task) associated with the person, at most once per activity key. */
    record AddActivity(SystemId target, Identity who, Activity activity) implements Command {
        public AddActivity {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(who, "who");
            Objects.requireNonNull(activity, "activity");
        }

        @Override
        public String kind() {
            return "activity";
        }

        /** The key the target uses to write this activity at most once. */
        public String idempotencyKey() {
            return activity.key();
        }
    }
}
