package dev.crmsync.core.guard;

import dev.crmsync.core.model.Decision;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.port.FieldState;
import dev.crmsync.core.port.FieldStateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The loop guard on the way in: keeps the <em>source system's own field state</em> and recognises a
 * change that only reports back what we wrote.
 *
 * <p>Field state is kept per system, record and field, for every system, not only for targets: the
 * state of field F in system X is the last value X is known to hold, either because X reported it
 * (source X) or because the engine planned to write it there (source: the system the value came
 * from). Writes are recorded when they are planned ({@link #expect}), before the command is sent.
 *
 * <p>When X reports F = V (a webhook, a poll), three cases:
 * <ul>
 *   <li><b>echo</b>: V is what we wrote to X.F: either X.F's state is V from another system (our
 *       write, recorded when planned, so acknowledged or not), or V is one of our writes to X.F
 *       (kept apart in {@code _sent.<field>}, since X's own report of a newer value may have replaced
 *       the state meanwhile: a person editing the field in X while our write is on its way). It goes
 *       no further, however often it is reported;</li>
 *   <li><b>known</b>: X itself reported V before (a repeated report): nothing new, the field's clock
 *       moves forward;</li>
 *   <li><b>stale snapshot</b>: V is the value a write of ours still in flight replaces; X reported
 *       its fields as they were before the write landed (Instantly sends every custom variable with
 *       every event). Nothing new either;</li>
 *   <li><b>fresh</b>: a real change in X. It becomes X.F's state (unless observed before the state's
 *       own time) and flows on by the rules.</li>
 * </ul>
 * Only the parts of a change that rest on echoed or stale fields stop (the planner asks
 * {@link SourceReport#isNothingNew(Set)}): an Instantly reply that carries, among its custom
 * variables, a value we wrote there is still a reply.
 */
public final class EchoGuard {
    private final FieldStateStore states;
    private final SentWrites sent;

    public EchoGuard(FieldStateStore states) {
        this.states = states;
        this.sent = new SentWrites(states);
    }

    /**
     * Notes that the engine will write {@code value} to {@code field} of {@code target}, so its echo is recognised.
     *
     * @param replaces the value the target holds by our state before this write, or {@code null}
     */
    public void expect(SystemId target, String recordKey, String field, String value, String replaces,
                       SystemId origin, Instant observedAt) {
        sent.record(target, recordKey, field, value, replaces, origin, observedAt);
    }

    /**
     * Classifies each claim and records the real changes as the source's own state.
     *
     * @param claims the fields the change says its source now holds, with their values
     */
    public SourceReport observe(SystemId source, String recordKey, Map<String, String> claims, Instant observedAt) {
        Set<String> echoed = new LinkedHashSet<>();
        Set<String> stale = new LinkedHashSet<>();
        Set<String> fresh = new LinkedHashSet<>();
        List<Decision> decisions = new ArrayList<>();
        claims.forEach((field, value) -> {
            Optional<FieldState> current = states.get(source, recordKey, field);
            Optional<SentWrites.Entry> inFlight = sent.match(source, recordKey, field, value, observedAt);
            boolean ours = current.filter(s -> s.value().equals(value) && !s.source().equals(source)).isPresent();
            if (inFlight.isPresent() || ours) {
                echoed.add(field);
                decisions.add(echo(source, recordKey, field, value, observedAt, current, inFlight, ours));
            } else if (current.filter(s -> s.value().equals(value)).isPresent()) {
                if (observedAt.isAfter(current.get().observedAt())) {
                    states.put(source, recordKey, field, new FieldState(value, source, observedAt));
                }
            } else if (sent.isReplacedByWriteInFlight(source, recordKey, field, value, observedAt)) {
                stale.add(field);
                decisions.add(new Decision.SkippedStale(source, field, source + " reports the value of " + field
                        + " from before our write to it, which is still on its way: an old snapshot, not a change"));
            } else {
                fresh.add(field);
                sent.forgetSeen(source, recordKey, field, observedAt);
                if (current.isEmpty() || !FieldGuard.isStale(observedAt, value, current.get())) {
                    states.put(source, recordKey, field, new FieldState(value, source, observedAt));
                }
            }
        });
        return new SourceReport(echoed, stale, fresh, decisions);
    }

    private Decision echo(SystemId source, String recordKey, String field, String value, Instant observedAt,
                          Optional<FieldState> current, Optional<SentWrites.Entry> inFlight, boolean ours) {
        SystemId origin = inFlight.map(SentWrites.Entry::origin).orElseGet(() -> current.get().source());
        Instant at = inFlight.map(SentWrites.Entry::at).orElseGet(() -> current.get().observedAt());
        if (!ours && !sent.isAnyInFlight(source, recordKey, field, observedAt)) {
            // X's own newer report had replaced our value in the state; X holds our value again now, and a
            // replay of this report must be an echo too. (While a newer write of ours is still on its way,
            // the state stays that newer write.) The clock never moves back.
            Instant clock = current.map(FieldState::observedAt).filter(at::isBefore).orElse(at);
            states.put(source, recordKey, field, new FieldState(value, origin, clock));
        }
        return new Decision.SkippedEcho(source, field, source + " reports the value of " + field
                + " that we wrote there from " + origin + " (observed at " + at
                + "): an echo of our own write, it goes no further");
    }
}
