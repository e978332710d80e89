package dev.crmsync.testkit.hubspot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CRM properties API for one object type: {@code GET /crm/v3/properties/{objectType}} lists
 * ({@code {"results":[..]}}), {@code GET .../{name}} reads one (404 when absent), {@code POST} creates one
 * from {@code name}, {@code label}, {@code type}, {@code fieldType} and {@code groupName} (all required;
 * {@code options} for enumerations), answering 201, or 409 {@code OBJECT_ALREADY_EXISTS} when the name is
 * taken. The scope the create needs is checked before, by the request pipeline.
 */
final class PropertiesEndpoint implements SimEndpoint {
    static final String PREFIX = "/crm/v3/properties/";
    private static final Set<String> TYPES = Set.of("string", "number", "date", "datetime", "enumeration", "bool");

    private final PropertySchema schema;

    PropertiesEndpoint(PropertySchema schema) {
        this.schema = schema;
    }

    /** The object type and optional property name of a properties path, or empty when it is not one. */
    static Optional<String[]> parse(String path) {
        if (!path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = path.substring(PREFIX.length()).split("/");
        if (parts.length < 1 || parts.length > 2 || parts[0].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parts);
    }

    @Override
    public SimResponse handle(SimRequest request) {
        String[] parts = parse(request.path()).orElseThrow();
        String objectType = parts[0];
        if (request.method().equals("POST")) {
            return create(objectType, request.jsonObject());
        }
        if (parts.length == 2) {
            return schema.find(objectType, parts[1]).map(d -> SimResponse.of(200, render(objectType, d)))
                    .orElseGet(() -> SimResponse.of(404, HubSpotErrors.error("Unable to find property " + parts[1]
                            + " for object type " + objectType, "OBJECT_NOT_FOUND")));
        }
        ObjectNode answer = SimJson.object();
        ArrayNode results = answer.putArray("results");
        schema.all(objectType).forEach(d -> results.add(render(objectType, d)));
        return SimResponse.of(200, answer);
    }

    private SimResponse create(String objectType, JsonNode body) {
        if (body == null) {
            return invalid("Invalid input JSON: expected a property object");
        }
        List<String> missing = new ArrayList<>();
        for (String field : List.of("name", "label", "type", "fieldType", "groupName")) {
            if (SimJson.text(body, field) == null) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            return invalid("Property is missing required fields: " + missing);
        }
        String type = SimJson.text(body, "type");
        if (!TYPES.contains(type)) {
            return invalid("Unknown property type " + type + "; expected one of " + TYPES);
        }
        List<String> options = null;
        if (type.equals("enumeration") || type.equals("bool")) {
            options = new ArrayList<>();
            for (JsonNode option : body.path("options")) {
                options.add(SimJson.text(option, "value"));
            }
            if (options.isEmpty() || options.contains(null)) {
                return invalid("A " + type + " property needs options with a value each");
            }
        }
        String name = SimJson.text(body, "name");
        if (!schema.create(objectType, name, options, (ObjectNode) body)) {
            return SimResponse.of(409, HubSpotErrors.error("Property named '" + name + "' already exists.",
                    "OBJECT_ALREADY_EXISTS"));
        }
        return SimResponse.of(201, render(objectType, schema.find(objectType, name).orElseThrow()));
    }

    private ObjectNode render(String objectType, PropertySchema.Definition definition) {
        Optional<ObjectNode> created = schema.createdWith(objectType, definition.name());
        ObjectNode node = SimJson.object();
        node.put("name", definition.name());
        node.put("label", created.map(c -> SimJson.text(c, "label")).orElse(definition.name()));
        node.put("type", created.map(c -> SimJson.text(c, "type"))
                .orElse(definition.options() == null ? "string" : "enumeration"));
        node.put("fieldType", created.map(c -> SimJson.text(c, "fieldType"))
                .orElse(definition.options() == null ? "text" : "select"));
        node.put("groupName", created.map(c -> SimJson.text(c, "groupName")).orElse(objectType + "information"));
        ArrayNode options = node.putArray("options");
        if (definition.options() != null) {
            for (int i = 0; i < definition.options().size(); i++) {
                ObjectNode option = options.addObject();
                option.put("label", definition.options().get(i));
                option.put("value", definition.options().get(i));
                option.put("displayOrder", i);
            }
        }
        node.putObject("modificationMetadata").put("readOnlyValue", definition.readOnly());
        node.put("hubspotDefined", created.isEmpty() && !definition.name().startsWith("sync_"));
        return node;
    }

    private static SimResponse invalid(String message) {
        return SimResponse.of(400, HubSpotErrors.error(message, "VALIDATION_ERROR"));
    }
}
