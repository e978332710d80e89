package dev.crmsync.core.rules;

import dev.crmsync.core.guard.EchoGuard;
import dev.crmsync.core.guard.SourceReport;
import dev.crmsync.core.mapping.ActivityRule;
import dev.crmsync.core.mapping.Mapping;
import dev.crmsync.core.mapping.StatusRule;
import dev.crmsync.core.mapping.SuppressionRule;
import dev.crmsync.core.mapping.Trigger;
import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.Decision;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.port.FieldStateStore;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one canonical change into decisions and commands for each target, by the mapping. In order:
 * <ol>
 *   <li>the bounce policy may turn a persistent soft bounce into a hard one ({@link BouncePolicy});</li>
 *   <li>the echo guard records what the source now holds and tells which reported fields are only our
 *       own writes coming back ({@link EchoGuard}); the status, field mappings and rules that rest
 *       only on those go no further; a change its source reports as our own write
 *       ({@link CanonicalChange#isOwnWrite()}) goes no further at all;</li>
 *   <li>per target, in id order: the status's effect, suppression rules, field mappings and the
 *       engagement score, every field write through ownership and the field guard
 *       ({@link WriteGate}), then activities; the source itself only gets the fields of a
 *       suppression rule that names it.</li>
 * </ol>
 * Live events, retries and backfills all go through here. Deterministic: the same state and change
 * give the same plan; all times are the changes' observation times.
 *
 * <p>Not thread-safe: the host serialises planning for one person (and runs it in the transaction that
 * stores the resulting commands and field state).
 */
public final class Planner {
    private final Mapping mapping;
    private final EchoGuard echoes;
    private final SourceOfTruth ownership;
    private final ReportedFields reported;
    private final EffectPlanner effects;
    private final FieldMapper fields;
    private final Optional<EngagementScorer> engagement;
    private final Optional<BouncePolicy> bounces;

    public Planner(Mapping mapping, FieldStateStore states) {
        this.mapping = mapping;
        this.echoes = new EchoGuard(states);
        this.ownership = new SourceOfTruth(mapping.ownership());
        this.reported = new ReportedFields(mapping);
        WriteGate gate = new WriteGate(mapping, ownership, states, echoes);
        this.effects = new EffectPlanner(gate);
        this.fields = new FieldMapper(mapping.fieldMappings(), gate);
        this.engagement = mapping.engagement().map(rule -> new EngagementScorer(rule, states, gate));
        this.bounces = mapping.bounces().map(rule -> new BouncePolicy(rule, states));
    }

    public Mapping mapping() {
        return mapping;
    }

    /**
     * @param targets the systems the engine can write to; the change's own source is written only by a
     *                suppression rule whose {@code set} names it (a block-list entry), never by a status,
     *                activity, field mapping or score
     */
    public Plan plan(CanonicalChange incoming, Set<SystemId> targets) {
        PlanBuilder plan = new PlanBuilder(incoming);
        if (incoming.isRecordDeleted()) {
            // Deleting a record in one system is no instruction to delete the person elsewhere: Instantly's
            // lead and its history stay. The host forgets the source's id and field state for the person.
            plan.decide(new Decision.NoChange(incoming.source(), "record", "the person's record was deleted in "
                    + incoming.source() + "; nothing is deleted elsewhere, and what " + incoming.source()
                    + " held for the person is forgotten"));
            return plan.build();
        }
        CanonicalChange change = bounces.map(policy -> policy.apply(incoming, plan)).orElse(incoming);
        List<SystemId> others = targets.stream().filter(t -> !t.equals(change.source())).sorted().toList();
        Optional<StatusRule> status = mapping.statusOf(change);
        SourceReport report = echoes.observe(change.source(), change.who().email(), reported.claims(change, status),
                change.observedAt());
        plan.decideAll(report.decisions());
        if (change.isOwnWrite()) {
            // The source's own word that we made this change (HubSpot: our app's INTEGRATION write) stops it
            // even where the field state cannot tell (a write older than the echo window, a clear before a set).
            report.fresh().stream().sorted().forEach(field -> plan.decide(new Decision.SkippedEcho(change.source(), field,
                    change.source() + " reports this change as our own write; it goes no further")));
            if (!plan.hasDecisions()) {
                plan.decide(new Decision.SkippedEcho(change.source(), "event", change.source()
                        + " reports this change as our own write; it goes no further"));
            }
            return plan.build();
        }
        report.fresh().stream().sorted().forEach(field ->
                ownership.notOwned(change.source(), field).ifPresent(plan::decide));
        Optional<StatusRule> live = status.filter(s -> !report.isNothingNew(ReportedFields.statusFields(change, s)));
        status.filter(s -> live.isEmpty()).ifPresent(s -> plan.decide(new Decision.SkippedEcho(change.source(), "status",
                "status '" + s.name() + "' rests only on our own write reported back (or an old snapshot);"
                        + " it goes no further")));
        List<SuppressionRule> suppressions = mapping.suppressions().stream()
                .filter(s -> s.source().equals(change.source()) && s.trigger().matches(change))
                .filter(s -> fires(plan, change, report, s.trigger(), "suppression " + s.reason())).toList();
        boolean echoedStatus = status.isPresent() && live.isEmpty();
        List<ActivityRule> activities = mapping.activities().stream()
                .filter(a -> a.source().equals(change.source()) && a.trigger().matches(change))
                .filter(a -> !echoedStatus || skipped(plan, change, "activity"))
                .filter(a -> fires(plan, change, report, a.trigger(), "activity")).toList();
        for (SystemId target : others) {
            live.ifPresent(s -> effects.status(plan, change, s, target));
            suppressions.forEach(rule -> effects.suppression(plan, change, rule, target));
            activities.forEach(rule -> EffectPlanner.activities(plan, change, rule, target));
        }
        if (targets.contains(change.source())) {
            // The one write back to the source: a suppression rule that names it (an Instantly
            // unsubscribe onto Instantly's block list). Idempotent, and it reports no status back.
            suppressions.forEach(rule -> effects.suppression(plan, change, rule, change.source()));
        }
        boolean mapped = fields.plan(plan, change, others, report);
        boolean scored = engagement.map(scorer -> scorer.plan(plan, change, live, report, others)).orElse(false);
        boolean named = status.isPresent() || !suppressions.isEmpty() || !activities.isEmpty() || mapped || scored;
        if (!named) {
            plan.decide(new Decision.NoChange(change.source(), "event", "the mapping names no status, activity,"
                    + " suppression, field or score for '" + change.eventType() + "'"));
        } else if (!plan.hasDecisions()) {
            plan.decide(new Decision.NoChange(change.source(), "event", "no connected system to write to"));
        }
        return plan.build();
    }

    /**
     * An event whose status is only our own write reported back (Instantly's {@code lead_meeting_booked} for
     * the interest value we set) is no new fact: its activities (the meeting's task) are not created.
     */
    private static boolean skipped(PlanBuilder plan, CanonicalChange change, String rule) {
        plan.decide(new Decision.SkippedEcho(change.source(), rule, "the event's status is our own write reported"
                + " back; it creates nothing"));
        return false;
    }

    /** A rule whose {@code when} matched only through fields that are nothing new does not fire again. */
    private static boolean fires(PlanBuilder plan, CanonicalChange change, SourceReport report, Trigger trigger,
                                 String rule) {
        if (!report.isNothingNew(trigger, change)) {
            return true;
        }
        plan.decide(new Decision.SkippedEcho(change.source(), rule, "triggered only by our own write reported back"
                + " (or an old snapshot); it goes no further"));
        return false;
    }
}
