package dev.crmsync.testkit.instantly;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The workspace's lead records, ordered by id (creation order), and how many interest-status
 * updates each e-mail received. Thread-safe: every method holds the store's lock.
 */
final class LeadStore {
    private final NavigableMap<String, SimulatedLead> leads = new TreeMap<>();
    private final Map<String, AtomicInteger> interestUpdates = new ConcurrentHashMap<>();
    private final SimIds ids = new SimIds(1);
    private final Clock clock;

    LeadStore(Clock clock) {
        this.clock = clock;
    }

    static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    synchronized SimulatedLead create(String email, String campaignId, String listId, Map<String, String> fields,
                                      Map<String, String> customVariables, Integer interestStatus) {
        SimulatedLead lead = new SimulatedLead(ids.next(), normalise(email), campaignId, listId, SimulatedLead.ACTIVE,
                interestStatus, fields, customVariables, clock.instant(), clock.instant());
        leads.put(lead.id(), lead);
        return lead;
    }

    synchronized Optional<SimulatedLead> get(String id) {
        return Optional.ofNullable(leads.get(id));
    }

    synchronized List<SimulatedLead> all() {
        return List.copyOf(leads.values());
    }

    synchronized List<SimulatedLead> byEmail(String email) {
        String wanted = normalise(email);
        return leads.values().stream().filter(lead -> lead.email().equals(wanted)).toList();
    }

    /** Applies {@code change} to the lead, returning the new version; empty when there is no such lead. */
    synchronized Optional<SimulatedLead> update(String id, UnaryOperator<SimulatedLead> change) {
        SimulatedLead current = leads.get(id);
        if (current == null) {
            return Optional.empty();
        }
        SimulatedLead next = change.apply(current);
        leads.put(id, next);
        return Optional.of(next);
    }

    synchronized Optional<SimulatedLead> delete(String id) {
        return Optional.ofNullable(leads.remove(id));
    }

    /** Counts one update-interest-status call for this e-mail, applied or not. */
    void countInterestUpdate(String email) {
        interestUpdates.computeIfAbsent(normalise(email), k -> new AtomicInteger()).incrementAndGet();
    }

    int interestUpdates(String email) {
        AtomicInteger count = interestUpdates.get(normalise(email));
        return count == null ? 0 : count.get();
    }

    Clock clock() {
        return clock;
    }

    synchronized void clear() {
        leads.clear();
        interestUpdates.clear();
    }
}
