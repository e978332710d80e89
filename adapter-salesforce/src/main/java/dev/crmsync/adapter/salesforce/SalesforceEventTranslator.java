package dev.crmsync.adapter.salesforce;

import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.Identity;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.port.IdentityLookup;
import dev.crmsync.core.spi.EventTranslator;
import dev.crmsync.core.spi.MalformedEventException;
import dev.crmsync.core.spi.ParsedEvent;
import dev.crmsync.core.spi.Translation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Translates the events of {@link SalesforceChangeFeed} and {@link SalesforceRecordSource}:
 * {@code Lead.updated}, {@code Contact.updated}, {@code Lead.snapshot}, {@code Contact.snapshot} become a
 * change whose fields are the record's values (the mapping matches {@code Status} and the rest; the source
 * field and placeholder names are left out), observed at
 * its {@code SystemModstamp}; {@code Lead.deleted} and {@code Contact.deleted} a change without fields, for a
 * person the host's links can name. Attributes: {@code object}, {@code Id}, {@code LastModifiedById} and
 * {@code origin}: {@code ours} when the integration user made the change, else {@code rep}. Salesforce sends no
 * webhooks, so {@link #parse} refuses every body. Pure and thread-safe.
 */
public final class SalesforceEventTranslator implements EventTranslator {
    static final SystemId SOURCE = SystemId.of(SalesforceAdapterProvider.SYSTEM_ID);
    private static final Set<String> NOT_FIELDS = Set.of("Id", "SystemModstamp", "LastModifiedById");
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final SalesforceOrigin origin;
    private final SalesforceOrgFields org;

    /**
     * @param org        names the source field (kept out of the fields: it is bookkeeping) and the placeholders a
     *                   new Lead got (kept out too: a placeholder is not a name or a company to copy elsewhere)
     * @param clientName the name our writes carry in the source field
     */
    public SalesforceEventTranslator(SalesforceOrgFields org, String clientName) {
        this.org = org;
        this.origin = new SalesforceOrigin(org.sourceField(), clientName);
    }

    @Override
    public List<ParsedEvent> parse(byte[] body) throws MalformedEventException {
        throw new MalformedEventException("Salesforce sends no webhooks here: its changes are polled (change feed)");
    }

    @Override
    public Translation translate(String eventType, byte[] payload) {
        return translate(eventType, payload, IdentityLookup.NONE);
    }

    @Override
    public Translation translate(String eventType, byte[] payload, IdentityLookup identities) {
        int dot = eventType.indexOf('.');
        String kind = dot < 0 ? "" : eventType.substring(dot + 1);
        if (!Set.of(SalesforceRecords.UPDATED, SalesforceRecords.SNAPSHOT, SalesforceRecords.DELETED).contains(kind)) {
            return Translation.unrecognized("'" + eventType + "' is not translated: only <Object>.updated, "
                    + "<Object>.snapshot and <Object>.deleted become changes");
        }
        JsonNode event;
        try {
            event = mapper.readTree(payload);
        } catch (RuntimeException e) {
            return Translation.unrecognized("stored payload is not JSON: " + e.getClass().getSimpleName());
        }
        JsonNode record = event.path("record");
        String id = record.path("Id").asString("");
        if (id.isEmpty()) {
            return Translation.unrecognized("'" + eventType + "' has no record Id");
        }
        Optional<String> email = Optional.of(record.path("Email").asString("")).filter(s -> !s.isBlank())
                .or(() -> identities.emailOf(SOURCE, id));
        if (email.isEmpty()) {
            return Translation.unrecognized("'" + eventType + "' for " + id + " names no email, and no link knows "
                    + "the record");
        }
        Optional<Instant> observedAt = instant(kind.equals(SalesforceRecords.DELETED)
                ? event.path("deletedDate").asString("") : record.path("SystemModstamp").asString(""));
        if (observedAt.isEmpty()) {
            return Translation.unrecognized("'" + eventType + "' for " + id + " has no usable modstamp");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("object", event.path("object").asString(""));
        attributes.put("Id", id);
        String modifiedBy = record.path("LastModifiedById").asString("");
        if (!modifiedBy.isEmpty()) {
            attributes.put("LastModifiedById", modifiedBy);
        }
        attributes.put("origin", origin.of(event));
        Map<String, String> fields = new LinkedHashMap<>();
        if (!kind.equals(SalesforceRecords.DELETED)) {
            record.properties().forEach(e -> {
                String value = e.getValue().asString("");
                if (!NOT_FIELDS.contains(e.getKey()) && !e.getKey().equals(org.sourceField())
                        && !isPlaceholder(e.getKey(), value)) {
                    fields.put(e.getKey(), value);
                }
            });
        }
        Identity who = Identity.ofEmail(email.get()).withId(SOURCE, id);
        return Translation.of(List.of(CanonicalChange.of(SOURCE, who, eventType, observedAt.get())
                .withAttributes(attributes).withFields(fields)));
    }

    private boolean isPlaceholder(String field, String value) {
        return field.equals("LastName") && value.equals(org.lastNamePlaceholder())
                || field.equals("Company") && value.equals(org.companyPlaceholder());
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
