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

/** The simulated portal's records: contacts (unique by lower-cased email) and notes with their contact associations. Thread-safe. */
final class CrmStore {

    /**
     * @param created true when the write made a new contact
     * @param changed the properties whose value the write changed, with their new value ({@code ""} when
     *                cleared); the email on creation; never the read-only ones HubSpot maintains itself
     */
    record Upserted(CrmRecord contact, boolean created, Map<String, String> changed) {
        Upserted {
            changed = Collections.unmodifiableMap(new LinkedHashMap<>(changed));
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
    private final Map<String, Stored> notes = new LinkedHashMap<>();
    private final Map<String, Integer> writesByEmail = new HashMap<>();
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

    /** How many times a contact with this email was created or updated, by the API or a rep. */
    synchronized int writesOf(String email) {
        return writesByEmail.getOrDefault(emailKey(email), 0);
    }

    private Upserted write(String email, Map<String, String> properties, List<String> stageOrderOrNull) {
        String key = emailKey(email);
        writesByEmail.merge(key, 1, Integer::sum);
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
        return new Upserted(contact.snapshot(), created, changed);
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

    synchronized CrmRecord createNote(Map<String, String> properties, List<String> contactIds) {
        Instant now = clock.instant();
        Stored note = new Stored(String.valueOf(nextId++), now);
        note.properties.putAll(properties);
        note.properties.put("hs_object_id", note.id);
        note.properties.put("hs_createdate", now.toString());
        note.properties.put("hs_lastmodifieddate", now.toString());
        note.contactIds.addAll(contactIds);
        notes.put(note.id, note);
        return note.snapshot();
    }

    synchronized List<CrmRecord> notes() {
        return notes.values().stream().map(Stored::snapshot).toList();
    }

    synchronized List<CrmRecord> notesOfContact(String contactId) {
        return notes.values().stream().filter(n -> n.contactIds.contains(contactId)).map(Stored::snapshot).toList();
    }

    synchronized List<CrmRecord> contacts() {
        return new ArrayList<>(contacts.values().stream().map(Stored::snapshot).toList());
    }

    synchronized int contactCount() {
        return contacts.size();
    }

    synchronized int noteCount() {
        return notes.size();
    }

    synchronized void clear() {
        contacts.clear();
        contactIdByEmail.clear();
        notes.clear();
    }
}
