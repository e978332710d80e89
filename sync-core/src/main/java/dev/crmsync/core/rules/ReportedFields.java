package dev.crmsync.core.rules;

import dev.crmsync.core.mapping.Effect;
import dev.crmsync.core.mapping.FieldMapping;
import dev.crmsync.core.mapping.Mapping;
import dev.crmsync.core.mapping.StatusRule;
import dev.crmsync.core.mapping.SuppressionRule;
import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.SystemId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which of the fields a change reports are the source's own state worth keeping: those the mapping
 * reads, writes or groups for that system. Other fields (Instantly sends every lead variable on
 * every event) are left out of the field state.
 */
final class ReportedFields {
    private final Map<SystemId, Set<String>> relevant = new HashMap<>();

    ReportedFields(Mapping mapping) {
        for (StatusRule status : mapping.statuses()) {
            status.triggers().forEach((system, trigger) -> add(system, trigger.when().keySet()));
            status.effects().forEach((system, effect) -> add(system, written(effect)));
        }
        for (SuppressionRule rule : mapping.suppressions()) {
            add(rule.source(), rule.trigger().when().keySet());
            rule.effects().forEach((system, effect) -> add(system, written(effect)));
        }
        for (FieldMapping fieldMapping : mapping.fieldMappings()) {
            add(fieldMapping.source(), Set.of(fieldMapping.field()));
            add(fieldMapping.target(), Set.of(fieldMapping.targetField()));
        }
        mapping.fieldRules().forEach((system, rules) -> add(system, rules.keySet()));
        mapping.ownership().groups().forEach(group -> group.fields().forEach(this::add));
        mapping.engagement().ifPresent(rule -> rule.writeTo().forEach((system, field) -> add(system, Set.of(field))));
    }

    /**
     * What the change says its source now holds: the relevant fields it reports, and the fields its
     * status sets in the source itself (Instantly's {@code lead_interested} means interest_value 1 there).
     */
    Map<String, String> claims(CanonicalChange change, Optional<StatusRule> status) {
        Set<String> wanted = relevant.getOrDefault(change.source(), Set.of());
        Map<String, String> claims = new LinkedHashMap<>();
        change.fields().forEach((field, value) -> {
            if (wanted.contains(field)) {
                claims.put(field, value);
            }
        });
        status.ifPresent(s -> claims.putAll(ownEffect(s, change.source())));
        return claims;
    }

    /** The fields by which a status is recognised in, or set on, the source: the status's own claims. */
    static Set<String> statusFields(CanonicalChange change, StatusRule status) {
        Set<String> fields = new HashSet<>(ownEffect(status, change.source()).keySet());
        Optional.ofNullable(status.triggers().get(change.source())).ifPresent(trigger -> trigger.when().keySet()
                .stream().filter(change.fields()::containsKey).forEach(fields::add));
        return fields;
    }

    private static Map<String, String> ownEffect(StatusRule status, SystemId source) {
        return status.effectOn(source).filter(Effect.SetFields.class::isInstance).map(Effect.SetFields.class::cast)
                .map(Effect.SetFields::fields).orElse(Map.of());
    }

    private static Set<String> written(Effect effect) {
        return effect instanceof Effect.SetFields set ? set.fields().keySet() : Set.of();
    }

    private void add(SystemId system, Set<String> fields) {
        relevant.computeIfAbsent(system, s -> new HashSet<>()).addAll(fields);
    }
}
