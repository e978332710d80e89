package dev.crmsync.testkit.hubspot;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The simulated portal's records: contacts (unique by lower-cased email) and engagements (notes, tasks)
 * with their contact associations. Thread-safe.
 */
final class CrmStore {

    /**
     * @param created true when the write made a new contact
     * @param changed   the properties whose value the write changed, with their new value ({@code ""} when
     *                  cleared); the email on creation; never the read-only ones HubSpot maintains itself
     * @param requested the properties the write asked for, email left out
     */
    record Upserted(CrmRecord contact, boolean created, Map<String, String> changed, Map<String, String> requested) {
        Upserted {
            changed = Collections.unmodifiableMap(new LinkedHashMap<>(changed));
            requested = Collections.unmodifiableMap(new LinkedHashMap<>(requested));
        }
    }

    private static final class Stored {
        final String id;
        final Map<String, String> properties = new LinkedHashMap<>();
        final Instant createdAt;
        Instant updatedAt;
        final Set<String> contactIds = new LinkedHashSet<>();

        Stored(String id, Instant createdAt) {
            this.id = id;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }

        CrmRecord snapshot() {
            return new CrmRecord(id, properties, createdAt, updatedAt);
        }
    }

    private final Clock clock;
    private final Map<String, Stored> contacts = new LinkedHashMap<>();
    private final Map<String, String> contactIdByEmail = new HashMap<>();
    private final Map<String, Map<String, Stored>> engagements = new HashMap<>();
    private long nextId = 100_001;

    CrmStore(Clock clock) {
        this.clock = clock;
    }

    static String emailKey(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Creates or updates the contact with this email, as the API does. An empty value clears a
     * property; a backward {@code lifecyclestage} is ignored as {@link LifecycleStageRule} describes.
     */
    synchronized Upserted upsertContact(String email, Map<String, String> properties, List<String> stageOrder) {
        return write(email, properties, stageOrder);
    }

    /** Creates or updates the contact as a person in HubSpot's UI does: any stage may be chosen, backward too. */
    synchronized Upserted editContact(String email, Map<String, String> properties) {
        return write(email, properties, null);
    }

    private Upserted write(String email, Map<String, String> properties, List<String> stageOrderOrNull) {
        String key = emailKey(email);
        Instant now = clock.instant();
        Stored contact = Optional.ofNullable(contactIdByEmail.get(key)).map(contacts::get).orElse(null);
        boolean created = contact == null;
        Map<String, String> changed = new LinkedHashMap<>();
        if (created) {
            contact = new Stored(String.valueOf(nextId++), now);
            contact.properties.put("email", key);
            contact.properties.put("hs_object_id", contact.id);
            contact.properties.put("createdate", now.toString());
            contacts.put(contact.id, contact);
            contactIdByEmail.put(key, contact.id);
            changed.put("email", key);
        }
        for (Map.Entry<String, String> entry : properties.entrySet()) {
            String name = entry.getKey();
            String value = entry.getValue();
            if (name.equals("email")) {
                continue;
            }
            if (name.equals(PropertySchema.LIFECYCLE_STAGE) && stageOrderOrNull != null) {
                value = LifecycleStageRule.resolve(stageOrderOrNull, contact.properties.get(name), value);
            }
            String before = value.isEmpty() ? contact.properties.remove(name) : contact.properties.put(name, value);
            if (!value.equals(before == null ? "" : before)) {
                changed.put(name, value);
            }
        }
        contact.updatedAt = now;
        contact.properties.put("lastmodifieddate", now.toString());
        Map<String, String> requested = new LinkedHashMap<>(properties);
        requested.remove("email");
        return new Upserted(contact.snapshot(), created, changed, requested);
    }

    /** Deletes the contact with this email, as a person in HubSpot's UI does; its notes and tasks stay. */
    synchronized Optional<CrmRecord> deleteContact(String email) {
        String id = contactIdByEmail.remove(emailKey(email));
        return Optional.ofNullable(id).map(contacts::remove).map(Stored::snapshot);
    }

    /** Creates or updates a contact as test data, its {@code lastmodifieddate} set to {@code modifiedAt}. */
    synchronized CrmRecord importContact(String email, Map<String, String> properties, Instant modifiedAt) {
        Stored contact = contacts.get(write(email, properties, null).contact().id());
        contact.updatedAt = modifiedAt;
        contact.properties.put("lastmodifieddate", modifiedAt.toString());
        return contact.snapshot();
    }

    synchronized Optional<CrmRecord> contactById(String id) {
        return Optional.ofNullable(contacts.get(id)).map(Stored::snapshot);
    }

    synchronized Optional<CrmRecord> contactByEmail(String email) {
        return Optional.ofNullable(contactIdByEmail.get(emailKey(email))).map(contacts::get).map(Stored::snapshot);
    }

    synchronized boolean hasContact(String id) {
        return contacts.containsKey(id);
    }

    /** Creates a note or task ({@code objectType} {@code notes} or {@code tasks}) associated with these contacts. */
    synchronized CrmRecord createEngagement(String objectType, Map<String, String> properties, List<String> contactIds) {
        Instant now = clock.instant();
        Stored engagement = new Stored(String.valueOf(nextId++), now);
        engagement.properties.putAll(properties);
        engagement.properties.put("hs_object_id", engagement.id);
        engagement.properties.put("hs_createdate", now.toString());
        engagement.properties.put("hs_lastmodifieddate", now.toString());
        engagement.contactIds.addAll(contactIds);
        engagements.computeIfAbsent(objectType, t -> new LinkedHashMap<>()).put(engagement.id, engagement);
        return engagement.snapshot();
    }

    synchronized List<CrmRecord> engagements(String objectType) {
        return engagements.getOrDefault(objectType, Map.of()).values().stream().map(Stored::snapshot).toList();
    }

    synchronized List<CrmRecord> engagementsOfContact(String objectType, String contactId) {
        return engagements.getOrDefault(objectType, Map.of()).values().stream()
                .filter(n -> n.contactIds.contains(contactId)).map(Stored::snapshot).toList();
    }

    synchronized int engagementCount(String objectType) {
        return engagements.getOrDefault(objectType, Map.of()).size();
    }

    synchronized List<CrmRecord> contacts() {
        return new ArrayList<>(contacts.values().stream().map(Stored::snapshot).toList());
    }

    synchronized int contactCount() {
        return contacts.size();
    }

    synchronized void clear() {
        contacts.clear();
        contactIdByEmail.clear();
        engagements.clear();
    }
}
