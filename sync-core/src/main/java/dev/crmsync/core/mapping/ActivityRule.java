package dev.crmsync.core.mapping;

import dev.crmsync.core.model.SystemId;
import java.util.Map;
import java.util.Objects;

/**
 * Which source changes become activities in which targets.
 *
 * @param source  the system the change comes from
 * @param trigger the changes it applies to
 * @param kinds   per target, what to create there ({@code note}, {@code task})
 */
public record ActivityRule(SystemId source, Trigger trigger, Map<SystemId, String> kinds) {
    public ActivityRule {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(trigger, "trigger");
        kinds = Map.copyOf(kinds);
    }
}
