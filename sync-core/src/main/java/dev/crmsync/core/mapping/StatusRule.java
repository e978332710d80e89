package dev.crmsync.core.mapping;

import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.SystemId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One canonical status (e.g. {@code meeting_booked}): how each system signals it, and what it
 * does to each system.
 *
 * @param name     the canonical name
 * @param triggers per system, the changes that mean this status
 * @param effects  per system, what this status does there; a system without an entry is not changed
 */
public record StatusRule(String name, Map<SystemId, Trigger> triggers, Map<SystemId, Effect> effects) {

    public StatusRule {
        Objects.requireNonNull(name, "name");
        triggers = Map.copyOf(triggers);
        effects = Map.copyOf(effects);
    }

    public boolean matches(CanonicalChange change) {
        Trigger trigger = triggers.get(change.source());
        return trigger != null && trigger.matches(change);
    }

    public Optional<Effect> effectOn(SystemId target) {
        return Optional.ofNullable(effects.get(target));
    }
}
