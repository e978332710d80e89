package dev.crmsync.mappings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A mapping file parsed into a JSON tree (what the schema validates and the reader converts), with the
 * position of every node by JSON Pointer, so a problem found anywhere points back at the YAML line.
 */
final class YamlTree {
    private final String origin;
    private final JsonNode root;
    private final Map<String, YamlMark> marks;
    private final Map<String, String> scalarTexts;

    YamlTree(String origin, JsonNode root, Map<String, YamlMark> marks, Map<String, String> scalarTexts) {
        this.origin = origin;
        this.root = root;
        this.marks = Map.copyOf(marks);
        this.scalarTexts = Map.copyOf(scalarTexts);
    }

    String origin() {
        return origin;
    }

    JsonNode root() {
        return root;
    }

    /** The node at a JSON Pointer, or a missing node. */
    JsonNode at(String pointer) {
        return root.at(pointer);
    }

    /** The mark of the node at the pointer or, if the pointer names nothing written, of its nearest ancestor. */
    YamlMark mark(String pointer) {
        String current = pointer;
        while (!marks.containsKey(current) && !current.isEmpty()) {
            current = current.substring(0, current.lastIndexOf('/'));
        }
        return marks.getOrDefault(current, new YamlMark(1, 1, ""));
    }

    MappingProblem problem(String pointer, String message) {
        YamlMark mark = mark(pointer);
        return new MappingProblem(origin, mark.line(), mark.column(), mark.keyPath(), message);
    }

    /**
     * A scalar as text, the way {@code set} and {@code when} values are used: numbers as written in the
     * file ({@code 1.50} stays {@code "1.50"}), booleans as {@code true} / {@code false}.
     */
    String text(String pointer) {
        String written = scalarTexts.get(pointer);
        return written != null ? written : at(pointer).asString();
    }

    /** A block of key: scalar as text, in file order; empty when the block is absent. */
    Map<String, String> values(String pointer) {
        Map<String, String> values = new LinkedHashMap<>();
        at(pointer).propertyNames().forEach(key -> values.put(key, text(child(pointer, key))));
        return values;
    }

    /** A list of scalars as text; empty when the list is absent. */
    List<String> texts(String pointer) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < at(pointer).size(); i++) {
            texts.add(text(child(pointer, i)));
        }
        return texts;
    }

    static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
