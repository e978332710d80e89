package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.mapping.Mapping;
import dev.crmsync.core.spi.AdapterConfigException;
import dev.crmsync.core.spi.CustomFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates the custom properties the mapping writes ({@link PropertyDefinitions}) when HubSpot lacks them,
 * with the CRM properties API: one {@code GET /crm/v3/properties/{objectType}} per object type, then one
 * {@code POST} per missing property (a 409 means another run created it: existing). A 403 means the token
 * lacks the schema scope ({@code crm.schemas.contacts.write} for contacts): the error names the scope and
 * the property. Thread-safe.
 */
final class HubSpotCustomProperties implements CustomFields {
    private static final Logger log = LoggerFactory.getLogger(HubSpotCustomProperties.class);
    static final String PATH = "/crm/v3/properties/";

    private final HubSpotClient client;
    private final boolean atStartUp;

    HubSpotCustomProperties(HubSpotClient client, boolean atStartUp) {
        this.client = client;
        this.atStartUp = atStartUp;
    }

    @Override
    public boolean ensureAtStartUp() {
        return atStartUp;
    }

    @Override
    public Report ensure(Mapping mapping) {
        List<String> created = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        for (Map.Entry<String, List<ObjectNode>> entry : PropertyDefinitions.needed(mapping).entrySet()) {
            String objectType = entry.getKey();
            Set<String> present = existingNames(objectType, entry.getValue().get(0));
            for (ObjectNode definition : entry.getValue()) {
                String name = HubSpotJson.text(definition, "name");
                String shown = objectType + "." + name;
                if (present.contains(name) || create(objectType, definition)) {
                    existing.add(shown);
                } else {
                    created.add(shown);
                }
            }
        }
        log.info("HubSpot custom properties: {} created, {} already there", created.size(), existing.size());
        return new Report(created, existing);
    }

    private Set<String> existingNames(String objectType, ObjectNode first) {
        HubSpotResponse response = client.get("properties/read", PATH + objectType, new CallLog());
        if (response.status() == 403) {
            throw missingScope(response, "crm.schemas." + objectType + ".read", objectType,
                    HubSpotJson.text(first, "name"), "read");
        }
        Set<String> names = new HashSet<>();
        for (JsonNode property : response.requireSuccess().body().path("results")) {
            String name = HubSpotJson.text(property, "name");
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    /** @return true when HubSpot says it exists already (409), false when this call created it */
    private boolean create(String objectType, ObjectNode definition) {
        String name = HubSpotJson.text(definition, "name");
        HubSpotResponse response = client.postJson("properties/create", PATH + objectType, definition, 1, new CallLog());
        if (response.status() == 409) {
            return true;
        }
        if (response.status() == 403) {
            throw missingScope(response, "crm.schemas." + objectType + ".write", objectType, name, "create");
        }
        response.requireSuccess();
        log.info("HubSpot {} property {} created", objectType, name);
        return false;
    }

    private static AdapterConfigException missingScope(HubSpotResponse response, String expectedScope,
                                                       String objectType, String property, String verb) {
        String scope = requiredScope(response.body()).orElse(expectedScope);
        return new AdapterConfigException("HubSpot refused to " + verb + " the " + objectType + " property '"
                + property + "': the token lacks the scope " + scope + " (" + response.error().describe()
                + "); grant " + scope + " to the private app or the OAuth app, or create the property by hand",
                403, null);
    }

    /** The scope HubSpot names in {@code errors[].context.requiredGranularScopes} (or {@code requiredScopes}). */
    private static java.util.Optional<String> requiredScope(JsonNode body) {
        for (JsonNode error : body.path("errors")) {
            for (String field : List.of("requiredGranularScopes", "requiredScopes")) {
                String scope = HubSpotJson.firstText(error.path("context"), field);
                if (scope != null) {
                    return java.util.Optional.of(scope);
                }
            }
        }
        return java.util.Optional.empty();
    }
}
