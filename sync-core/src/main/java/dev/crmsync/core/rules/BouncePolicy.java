package dev.crmsync.core.rules;

import dev.crmsync.core.mapping.BounceRule;
import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.Decision;
import dev.crmsync.core.port.FieldState;
import dev.crmsync.core.port.FieldStateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Soft bounces that go on become a hard bounce. Per person, kept in hidden fields of the bounce
 * source: {@code _bounce.soft.<epoch-ms>} (one per soft bounce, so a replayed one counts once),
 * {@code _bounce.soft.count}, {@code _bounce.soft.first} (start of the current run) and
 * {@code _bounce.delivered} (the latest open, click or reply, which ends a run).
 *
 * <p>A soft bounce observed more than {@code soft-to-hard-after} after the first soft bounce of its
 * run, with no delivery observed in between, is treated as a hard bounce: the change gets the rule's
 * {@code hard} attributes, so the suppression and score rules for hard bounces apply to it. All times
 * are observation times, never the wall clock, so replays decide the same.
 */
final class BouncePolicy {
    private static final String DELIVERED = "_bounce.delivered";
    private static final String FIRST = "_bounce.soft.first";
    private static final String COUNT = "_bounce.soft.count";

    private final BounceRule rule;
    private final FieldStateStore states;

    BouncePolicy(BounceRule rule, FieldStateStore states) {
        this.rule = rule;
        this.states = states;
    }

    CanonicalChange apply(CanonicalChange change, PlanBuilder plan) {
        if (!change.source().equals(rule.source())) {
            return change;
        }
        String person = change.who().email();
        Instant at = change.observedAt();
        if (rule.deliveredOn().contains(change.eventType())) {
            if (time(person, DELIVERED).map(at::isAfter).orElse(true)) {
                put(person, DELIVERED, at.toString(), at);
            }
            return change;
        }
        if (!rule.soft().matches(change)) {
            return change;
        }
        int count = Integer.parseInt(states.get(rule.source(), person, COUNT).map(FieldState::value).orElse("0"));
        String marker = "_bounce.soft." + at.toEpochMilli();
        if (states.get(rule.source(), person, marker).isEmpty()) {
            put(person, marker, at.toString(), at);
            put(person, COUNT, Integer.toString(++count), at);
        }
        Optional<Instant> delivered = time(person, DELIVERED);
        if (delivered.isPresent() && !at.isAfter(delivered.get())) {
            plan.decide(new Decision.NoChange(rule.source(), "bounce", "soft bounce " + count + " observed at " + at
                    + ", before mail got through at " + delivered.get() + ": it starts no run toward a hard bounce"));
            return change;
        }
        Instant first = time(person, FIRST).filter(f -> delivered.map(f::isAfter).orElse(true))
                .filter(f -> f.isBefore(at)).orElse(at);
        put(person, FIRST, first.toString(), first);
        Duration run = Duration.between(first, at);
        if (run.compareTo(rule.softToHardAfter()) <= 0) {
            plan.decide(new Decision.NoChange(rule.source(), "bounce", "soft bounce " + count + "; its run started at "
                    + first + " and becomes a hard bounce if soft bounces go on after "
                    + first.plus(rule.softToHardAfter())));
            return change;
        }
        plan.decide(new Decision.Applied(rule.source(), "bounce", "hard", "soft bounce " + count + ", "
                + Durations.text(run) + " after the first soft bounce of its run (" + first + ") with no open, click or"
                + " reply in between, more than " + Durations.text(rule.softToHardAfter()) + ": treated as a hard bounce"));
        Map<String, String> attributes = new LinkedHashMap<>(change.attributes());
        attributes.putAll(rule.hard());
        return change.withAttributes(attributes);
    }

    private Optional<Instant> time(String person, String field) {
        return states.get(rule.source(), person, field).map(FieldState::observedAt);
    }

    private void put(String person, String field, String value, Instant at) {
        states.put(rule.source(), person, field, new FieldState(value, rule.source(), at));
    }
}
