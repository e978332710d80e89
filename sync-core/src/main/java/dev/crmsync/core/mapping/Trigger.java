package dev.crmsync.core.mapping;

import dev.crmsync.core.model.CanonicalChange;
import java.util.List;
import java.util.Map;

/**
 * Which changes of one source system a rule applies to: any of {@code events}, and every entry
 * of {@code when} equal to the change's attribute or field of that name. An empty {@code events}
 * list matches any event type (then {@code when} must say something).
 */
public record Trigger(List<String> events, Map<String, String> when) {

    public Trigger {
        events = List.copyOf(events);
        when = Map.copyOf(when);
        if (events.isEmpty() && when.isEmpty()) {
            throw new IllegalArgumentException("a trigger needs events or conditions, or it would match everything");
        }
    }

    public boolean matches(CanonicalChange change) {
        if (!events.isEmpty() && !events.contains(change.eventType())) {
            return false;
        }
        for (Map.Entry<String, String> condition : when.entrySet()) {
            String actual = change.attributes().getOrDefault(condition.getKey(), change.fields().get(condition.getKey()));
            if (!condition.getValue().equals(actual)) {
                return false;
            }
        }
        return true;
    }
}
