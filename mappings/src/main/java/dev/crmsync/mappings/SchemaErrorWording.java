package dev.crmsync.mappings;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Turns a JSON Schema validation error into where it points in the file and a sentence revops can act
 * on: "unknown key 'statusez' (expected one of: ...; did you mean 'statuses'?)" rather than the
 * validator's "property 'statusez' is not defined in the schema". The "expected" part comes from the
 * schema itself (its {@code description}s, {@code properties}, {@code enum}s), so it follows the schema.
 */
final class SchemaErrorWording {
    private final JsonNode schema;

    SchemaErrorWording(JsonNode schema) {
        this.schema = schema;
    }

    /** JSON Pointer of the node to blame: for a bad or unknown key, the key itself rather than its block. */
    String target(Error error) {
        String at = pointer(error.getInstanceLocation());
        return switch (error.getKeyword()) {
            case "additionalProperties", "propertyNames" -> YamlTree.child(at, error.getProperty());
            case "uniqueItems" -> {
                int repeated = firstRepeated(error.getInstanceNode());
                yield repeated < 0 ? at : YamlTree.child(at, repeated);
            }
            default -> at;
        };
    }

    String message(Error error) {
        JsonNode instance = error.getInstanceNode();
        JsonNode keyword = error.getSchemaNode();
        JsonNode owner = schema.at(parent(pointer(error.getSchemaLocation().getFragment())));
        String property = error.getProperty();
        return switch (error.getKeyword()) {
            case "type" -> "is " + describe(instance) + " (expected " + expectedType(owner, keyword, instance) + ")";
            case "additionalProperties" -> {
                List<String> allowed = new ArrayList<>(owner.path("properties").propertyNames());
                yield "unknown key '" + property + "' (expected "
                        + (allowed.isEmpty() ? "no other keys" : "one of: " + String.join(", ", allowed))
                        + Suggestions.didYouMean(property, allowed) + ")";
            }
            case "propertyNames" -> "'" + property + "' is not a valid key here (expected "
                    + description(resolve(keyword)) + ")";
            case "required" -> "missing required key '" + property + "' (expected keys: " + join(keyword) + ")";
            case "const" -> "is " + describe(instance) + " (expected " + keyword + ")";
            case "enum" -> "'" + instance.asString() + "' is not allowed (expected one of: " + join(keyword)
                    + Suggestions.didYouMean(instance.asString(), strings(keyword)) + ")";
            case "pattern" -> "'" + instance.asString() + "' is not valid (expected " + description(owner) + ")";
            case "uniqueItems" -> {
                int repeated = firstRepeated(instance);
                yield (repeated < 0 ? "has an item more than once" : "'" + instance.get(repeated).asString() + "' is listed twice")
                        + " (expected each item once)";
            }
            case "minItems" -> "is an empty list (expected at least " + keyword.asInt() + " item"
                    + (keyword.asInt() == 1 ? "" : "s") + ")";
            case "minProperties" -> "is empty (expected " + description(owner) + ")";
            default -> error.getMessage();
        };
    }

    private String expectedType(JsonNode owner, JsonNode keyword, JsonNode instance) {
        String expected = owner.has("description") ? description(owner) : join(keyword);
        boolean wantsList = keyword.isString() && keyword.asString().equals("array");
        if (wantsList && instance.isValueNode() && !expected.contains("[" + instance.asString() + "]")) {
            expected += "; for one item write [" + instance.asString() + "]";
        }
        return expected;
    }

    private String description(JsonNode schemaObject) {
        JsonNode described = resolve(schemaObject);
        return described.has("description") ? described.get("description").asString()
                : "a value matching " + described.path("pattern").asString(described.toString());
    }

    /** Follows a local {@code $ref}; the schema has no other kind. */
    private JsonNode resolve(JsonNode schemaObject) {
        String ref = schemaObject.path("$ref").asString("");
        return ref.startsWith("#") ? schema.at(ref.substring(1)) : schemaObject;
    }

    private static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a block of keys";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isNumber()) {
            return "the number " + node.asString();
        }
        if (node.isBoolean()) {
            return node.asString() + " (true/false)";
        }
        if (node.isNull() || node.isMissingNode()) {
            return "empty";
        }
        return "the text '" + node.asString() + "'";
    }

    private static int firstRepeated(JsonNode array) {
        for (int i = 1; i < array.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (array.get(i).equals(array.get(j))) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.values().forEach(v -> values.add(v.asString()));
        return values;
    }

    private static String join(JsonNode node) {
        return node.isArray() ? String.join(", ", strings(node)) : node.asString();
    }

    static String pointer(NodePath path) {
        String pointer = "";
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            pointer = element instanceof Integer index ? YamlTree.child(pointer, index) : YamlTree.child(pointer, String.valueOf(element));
        }
        return pointer;
    }

    private static String parent(String pointer) {
        return pointer.isEmpty() ? "" : pointer.substring(0, pointer.lastIndexOf('/'));
    }
}
