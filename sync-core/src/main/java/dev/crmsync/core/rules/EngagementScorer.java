package dev.crmsync.core.rules;

import dev.crmsync.core.guard.SourceReport;
import dev.crmsync.core.mapping.EngagementRule;
import dev.crmsync.core.mapping.ScoreKind;
import dev.crmsync.core.mapping.ScoreRule;
import dev.crmsync.core.mapping.StatusRule;
import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.Decision;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.port.FieldState;
import dev.crmsync.core.port.FieldStateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Counts the engagement score and writes it to each CRM's score field. The score and what was
 * counted live in hidden fields of the scored source, per person:
 * <ul>
 *   <li>{@code _engagement.score}: the score, its time the newest counted observation;</li>
 *   <li>{@code _engagement.counted}: what was counted, a JSON list of {@code open.<email>} (the email was
 *       opened: later opens of it count nothing) and {@code <kind>.<email>.<epoch-ms>} (that event was
 *       counted: a replay counts nothing), one short entry per counted event, in one field so that loading
 *       a person's state does not grow by a row per event;</li>
 *   <li>{@code _engagement.engaged.<campaign>}: the earliest open, click or reply in the campaign;</li>
 *   <li>{@code _engagement.completed.<campaign>}: the points "completed without engagement" took.</li>
 * </ul>
 * An email is its {@code email_id} attribute, else {@code <campaign>/<step>}. When an engagement
 * observed before the campaign's completion arrives after it, the completion's points are given back,
 * so the score does not depend on delivery order.
 */
final class EngagementScorer {
    private static final String SCORE = "_engagement.score";
    private static final String COUNTED = "_engagement.counted";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EngagementRule rule;
    private final FieldStateStore states;
    private final WriteGate gate;

    EngagementScorer(EngagementRule rule, FieldStateStore states, WriteGate gate) {
        this.rule = rule;
        this.states = states;
        this.gate = gate;
    }

    /**
     * @param status the change's status, empty when it has none or it is only our own write reported back
     * @return whether the change is a scored kind
     */
    boolean plan(PlanBuilder plan, CanonicalChange change, Optional<StatusRule> status, SourceReport report,
                 Collection<SystemId> targets) {
        if (!change.source().equals(rule.source())) {
            return false;
        }
        Optional<ScoreRule> scored = rule.rules().stream().filter(r -> r.matches(change, status))
                .filter(r -> r.trigger().map(t -> !report.isNothingNew(t, change)).orElse(true)).findFirst();
        if (scored.isEmpty()) {
            return false;
        }
        ScoreKind kind = scored.get().kind();
        String person = change.who().email();
        Instant at = change.observedAt();
        String campaign = attribute(change, "campaign_id").or(() -> attribute(change, "campaign_name")).orElse("-");
        String email = attribute(change, "email_id").orElse(campaign + "/" + attribute(change, "step").orElse("-"));
        String completion = "_engagement.completed." + campaign;
        // What the event adds to the counted list; a completion keeps its points in a field of its own instead.
        String marker = switch (kind) {
            case OPEN -> "open." + email;
            case COMPLETED_WITHOUT_ENGAGEMENT -> null;
            default -> kind.key() + "." + email + "." + at.toEpochMilli();
        };
        List<String> counted = counted(person);
        if (marker == null ? get(person, completion).isPresent() : counted.contains(marker)) {
            plan.decide(new Decision.NoChange(rule.source(), "engagement", kind == ScoreKind.OPEN
                    ? "this email was opened before: repeated opens of one email count once"
                    : kind.key() + " observed at " + at + " was counted already"));
            return true;
        }
        int points = scored.get().points();
        String note = kind.key() + " " + signed(points);
        Optional<FieldState> engaged = get(person, "_engagement.engaged." + campaign);
        if (kind == ScoreKind.COMPLETED_WITHOUT_ENGAGEMENT && engaged.filter(e -> !e.observedAt().isAfter(at)).isPresent()) {
            points = 0;
            note = "completed after engagement, 0";
        }
        if (marker == null) {
            put(person, completion, Integer.toString(points), at);
        } else {
            count(person, counted, marker, at);
        }
        if (kind.isEngagement()) {
            if (engaged.map(e -> at.isBefore(e.observedAt())).orElse(true)) {
                put(person, "_engagement.engaged." + campaign, at.toString(), at);
            }
            Optional<FieldState> completed = get(person, completion);
            if (completed.isPresent() && at.isBefore(completed.get().observedAt()) && !completed.get().value().equals("0")) {
                int refund = -Integer.parseInt(completed.get().value());
                points += refund;
                note += ", and " + signed(refund) + " back: the campaign completed after this engagement";
                put(person, completion, "0", completed.get().observedAt());
            }
        }
        Optional<FieldState> current = get(person, SCORE);
        int score = current.map(s -> Integer.parseInt(s.value())).orElse(0) + points;
        Instant clock = current.map(FieldState::observedAt).filter(at::isBefore).orElse(at);
        put(person, SCORE, Integer.toString(score), clock);
        String why = "engagement score " + score + " (" + note + ")";
        rule.writeTo().forEach((target, field) -> {
            if (targets.contains(target)) {
                gate.write(plan, person, target, field, Integer.toString(score), why, rule.source(), clock,
                        WriteGate.Check.OWNERSHIP);
            }
        });
        return true;
    }

    private List<String> counted(String person) {
        List<String> markers = new ArrayList<>();
        get(person, COUNTED).ifPresent(state -> JSON.readTree(state.value()).values()
                .forEach(node -> markers.add(node.asString())));
        return markers;
    }

    private void count(String person, List<String> counted, String marker, Instant at) {
        ArrayNode list = JSON.createArrayNode();
        counted.forEach(list::add);
        list.add(marker);
        Instant latest = get(person, COUNTED).map(FieldState::observedAt).filter(at::isBefore).orElse(at);
        put(person, COUNTED, JSON.writeValueAsString(list), latest);
    }

    private static Optional<String> attribute(CanonicalChange change, String name) {
        return Optional.ofNullable(change.attributes().get(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static String signed(int points) {
        return points < 0 ? Integer.toString(points) : "+" + points;
    }

    private Optional<FieldState> get(String person, String field) {
        return states.get(rule.source(), person, field);
    }

    private void put(String person, String field, String value, Instant at) {
        states.put(rule.source(), person, field, new FieldState(value, rule.source(), at));
    }
}
