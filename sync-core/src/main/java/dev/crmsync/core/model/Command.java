package dev.crmsync.core.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

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
     */
    record Upsert(SystemId target, Identity who, Map<String, String> fields, Instant observedAt) implements Command {
        public Upsert {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(who, "who");
            Objects.requireNonNull(observedAt, "observedAt");
            fields = Map.copyOf(fields);
        }

        @Override
        public String kind() {
            return "upsert";
        }

        @Override
        public String toString() {
            return "Upsert[target=" + target + ", who=" + who + ", fields=" + fields.keySet() + "]";
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
