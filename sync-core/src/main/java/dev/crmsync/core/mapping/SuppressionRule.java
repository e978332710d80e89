package dev.crmsync.core.mapping;

import dev.crmsync.core.model.SystemId;
import java.util.Map;
import java.util.Objects;

/**
 * A change that means "never contact this person again" (hard bounce, unsubscribe), and what it
 * does in each target.
 *
 * @param source  the system the change comes from
 * @param trigger the changes it applies to
 * @param reason  a short reason recorded in targets and the trace, e.g. {@code hard_bounce}
 * @param effects per target, the fields that mark the person suppressed there
 */
public record SuppressionRule(SystemId source, Trigger trigger, String reason, Map<SystemId, Effect> effects) {
    public SuppressionRule {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(reason, "reason");
        effects = Map.copyOf(effects);
    }
}
