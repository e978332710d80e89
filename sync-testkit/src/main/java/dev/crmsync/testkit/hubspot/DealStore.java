package dev.crmsync.testkit.hubspot;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The simulated portal's deals, each with the ids of its associated contacts in association order. Thread-safe. */
final class DealStore {

    /** @param changed the properties the edit changed, with their new value ({@code ""} when cleared) */
    record Edited(CrmRecord deal, Map<String, String> changed) {
        Edited {
            changed = Collections.unmodifiableMap(new LinkedHashMap<>(changed));
        }
    }

    private record Stored(CrmRecord deal, List<String> contactIds) {
    }

    private final Clock clock;
    private final Map<String, Stored> deals = new LinkedHashMap<>();
    private long nextId = 900_001;

    DealStore(Clock clock) {
        this.clock = clock;
    }

    synchronized CrmRecord create(Map<String, String> properties, List<String> contactIds) {
        Instant now = clock.instant();
        String id = String.valueOf(nextId++);
        Map<String, String> stored = new LinkedHashMap<>();
        properties.forEach((name, value) -> {
            if (!value.isEmpty()) {
                stored.put(name, value);
            }
        });
        stored.put("hs_object_id", id);
        stored.put("createdate", now.toString());
        stored.put("hs_lastmodifieddate", now.toString());
        CrmRecord deal = new CrmRecord(id, stored, now, now);
        deals.put(id, new Stored(deal, List.copyOf(contactIds)));
        return deal;
    }

    /** Sets the properties as a person in HubSpot's UI does; empty when there is no such deal. */
    synchronized Optional<Edited> edit(String id, Map<String, String> properties) {
        Stored current = deals.get(id);
        if (current == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Map<String, String> stored = new LinkedHashMap<>(current.deal().properties());
        Map<String, String> changed = new LinkedHashMap<>();
        properties.forEach((name, value) -> {
            String before = value.isEmpty() ? stored.remove(name) : stored.put(name, value);
            if (!value.equals(before == null ? "" : before)) {
                changed.put(name, value);
            }
        });
        stored.put("hs_lastmodifieddate", now.toString());
        CrmRecord deal = new CrmRecord(id, stored, current.deal().createdAt(), now);
        deals.put(id, new Stored(deal, current.contactIds()));
        return Optional.of(new Edited(deal, changed));
    }

    synchronized Optional<CrmRecord> deal(String id) {
        return Optional.ofNullable(deals.get(id)).map(Stored::deal);
    }

    synchronized Optional<List<String>> contactIds(String id) {
        return Optional.ofNullable(deals.get(id)).map(Stored::contactIds);
    }

    synchronized void clear() {
        deals.clear();
    }
}
