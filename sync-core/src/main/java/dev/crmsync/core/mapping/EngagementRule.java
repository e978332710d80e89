package dev.crmsync.core.mapping;

import dev.crmsync.core.model.SystemId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The mapping file's {@code engagement} section: an engagement score per person, counted from one
 * source's events and written to a property in each CRM.
 *
 * @param source  the system whose events are scored (Instantly)
 * @param writeTo per target system, the field that receives the score
 * @param rules   one per scored kind, in {@link ScoreKind} order; the first that matches a change counts
 */
public record EngagementRule(SystemId source, Map<SystemId, String> writeTo, List<ScoreRule> rules) {
    public EngagementRule {
        Objects.requireNonNull(source, "source");
        writeTo = Collections.unmodifiableMap(new LinkedHashMap<>(writeTo));
        rules = rules.stream().sorted((a, b) -> a.kind().compareTo(b.kind())).toList();
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("an engagement score needs at least one scored kind");
        }
    }

    public Optional<ScoreRule> rule(ScoreKind kind) {
        return rules.stream().filter(r -> r.kind() == kind).findFirst();
    }
}
