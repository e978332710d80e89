package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.mapping.Effect;
import dev.crmsync.core.mapping.Mapping;
import dev.crmsync.core.mapping.MappingFields;
import dev.crmsync.core.model.SystemId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The custom HubSpot properties a mapping needs, per object type, with the definition to create each:
 * contact properties the mapping writes that HubSpot does not define itself ({@code hs_*} and the standard
 * contact fields), and {@code sync_activity_key} on notes and tasks when the mapping creates them. Types:
 * the engagement score is a number, a property the mapping only ever sets to {@code true}/{@code false} is a
 * checkbox, anything else is single-line text.
 */
final class PropertyDefinitions {
    /** HubSpot's own contact properties that mappings commonly write; never created. */
    static final Set<String> HUBSPOT_DEFINED = Set.of("email", "firstname", "lastname", "phone", "mobilephone",
            "company", "jobtitle", "website", "lifecyclestage", "address", "city", "state", "zip", "country",
            "industry", "annualrevenue", "numemployees", "fax", "message", "salutation", "twitterhandle");
    static final Map<String, String> ACTIVITY_OBJECTS = Map.of("note", "notes", "task", "tasks");

    private PropertyDefinitions() {
    }

    /** Object type ({@code contacts}, {@code notes}, {@code tasks}) to the create requests of what it needs. */
    static Map<String, List<ObjectNode>> needed(Mapping mapping) {
        SystemId hubspot = HubSpotChangeBuilder.SOURCE;
        Map<String, List<ObjectNode>> needed = new LinkedHashMap<>();
        Map<String, Set<String>> values = valuesWritten(mapping, hubspot);
        String score = mapping.engagement().map(e -> e.writeTo().get(hubspot)).orElse(null);
        for (String name : MappingFields.writtenTo(mapping, hubspot)) {
            if (!isHubSpotDefined(name)) {
                String kind = name.equals(score) ? "number" : isBoolean(values.get(name)) ? "bool" : "string";
                needed.computeIfAbsent("contacts", k -> new ArrayList<>()).add(definition("contacts", name, kind));
            }
        }
        for (String kind : MappingFields.activityKindsIn(mapping, hubspot)) {
            String objectType = ACTIVITY_OBJECTS.get(kind);
            if (objectType != null) {
                needed.computeIfAbsent(objectType, k -> new ArrayList<>())
                        .add(definition(objectType, HubSpotEngagement.KEY_PROPERTY, "string"));
            }
        }
        return needed;
    }

    static boolean isHubSpotDefined(String name) {
        return name.startsWith("hs_") || HUBSPOT_DEFINED.contains(name);
    }

    private static ObjectNode definition(String objectType, String name, String type) {
        ObjectNode node = HubSpotJson.object();
        node.put("name", name);
        node.put("label", label(name));
        node.put("description", "Written by crm-sync");
        node.put("groupName", objectType.equals("contacts") ? "contactinformation" : "engagement");
        node.put("type", type);
        node.put("fieldType", switch (type) {
            case "number" -> "number";
            case "bool" -> "booleancheckbox";
            default -> "text";
        });
        if (type.equals("bool")) {
            ArrayNode options = node.putArray("options");
            options.addObject().put("label", "Yes").put("value", "true").put("displayOrder", 0);
            options.addObject().put("label", "No").put("value", "false").put("displayOrder", 1);
        }
        return node;
    }

    /** {@code sync_engagement_score} → {@code Sync engagement score}. */
    private static String label(String name) {
        String words = name.replace('_', ' ').trim();
        return words.isEmpty() ? name : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static boolean isBoolean(Set<String> values) {
        return values != null && !values.isEmpty() && Set.of("true", "false").containsAll(values);
    }

    private static Map<String, Set<String>> valuesWritten(Mapping mapping, SystemId system) {
        Map<String, Set<String>> values = new HashMap<>();
        List<Effect> effects = new ArrayList<>();
        mapping.statuses().forEach(s -> s.effectOn(system).ifPresent(effects::add));
        mapping.suppressions().forEach(s -> {
            if (s.effects().get(system) != null) {
                effects.add(s.effects().get(system));
            }
        });
        for (Effect effect : effects) {
            if (effect instanceof Effect.SetFields set) {
                set.fields().forEach((field, value) -> values.computeIfAbsent(field, k -> new HashSet<>()).add(value));
            }
        }
        return values;
    }
}
