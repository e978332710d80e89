package dev.crmsync.testkit.hubspot;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /crm/v3/objects/contacts/{contactId}} and {@code GET .../{email}?idProperty=email},
 * returning HubSpot's default properties unless {@code properties} names others.
 */
final class ContactReadEndpoint implements SimEndpoint {
    static final String PREFIX = "/crm/v3/objects/contacts/";
    private static final List<String> DEFAULT_PROPERTIES = List.of("createdate", "email", "firstname",
            "hs_object_id", "lastmodifieddate", "lastname");

    private final CrmStore store;

    ContactReadEndpoint(CrmStore store) {
        this.store = store;
    }

    @Override
    public SimResponse handle(SimRequest request) {
        String id = request.path().substring(PREFIX.length());
        String idProperty = request.query().get("idProperty");
        Optional<CrmRecord> contact = "email".equals(idProperty) ? store.contactByEmail(id) : store.contactById(id);
        if (contact.isEmpty()) {
            ObjectNode error = HubSpotErrors.error("Object not found.  objectId are usually numeric.",
                    "OBJECT_NOT_FOUND");
            error.putObject("context").putArray("id").add(id);
            return SimResponse.of(404, error);
        }
        String requested = request.query().get("properties");
        List<String> shown = requested == null || requested.isBlank() ? DEFAULT_PROPERTIES
                : Arrays.stream(requested.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return SimResponse.of(200, contact.get().toJson(shown));
    }
}
