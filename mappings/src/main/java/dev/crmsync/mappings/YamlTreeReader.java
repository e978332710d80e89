package dev.crmsync.mappings;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Builds a {@link YamlTree} from the YAML parser's token stream rather than through a mapper, for two
 * things a mapper hides: the position of every key, and keys written twice in one mapping (which YAML
 * parsers resolve silently by keeping the last).
 */
final class YamlTreeReader {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String origin;
    private final JsonParser parser;
    private final List<MappingProblem> problems;
    private final Map<String, YamlMark> marks = new HashMap<>();
    private final Map<String, String> scalarTexts = new HashMap<>();

    private YamlTreeReader(String origin, JsonParser parser, List<MappingProblem> problems) {
        this.origin = origin;
        this.parser = parser;
        this.problems = problems;
    }

    /**
     * @param problems receives duplicate keys, aliases and extra documents; reading goes on past them
     * @throws MappingException for an empty file or a YAML syntax error, after which there is no tree
     */
    static YamlTree read(String origin, String yamlText, List<MappingProblem> problems) {
        try (JsonParser parser = YAML.createParser(yamlText)) {
            if (parser.nextToken() == null) {
                throw MappingException.of(new MappingProblem(origin, 1, 1, "",
                        "the file is empty (expected a mapping with version, systems and statuses)"));
            }
            YamlTreeReader reader = new YamlTreeReader(origin, parser, problems);
            JsonNode root = reader.value("", mark(parser.currentTokenLocation(), ""));
            if (parser.nextToken() != null) {
                TokenStreamLocation at = parser.currentTokenLocation();
                problems.add(new MappingProblem(origin, at.getLineNr(), at.getColumnNr(), "",
                        "a second YAML document (expected one document per file; remove the '---')"));
            }
            return new YamlTree(origin, root, reader.marks, reader.scalarTexts);
        } catch (JacksonException e) {
            throw MappingException.of(syntaxProblem(origin, e));
        }
    }

    private JsonNode value(String pointer, YamlMark mark) {
        marks.put(pointer, mark);
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            return object(pointer, mark.keyPath());
        }
        if (token == JsonToken.START_ARRAY) {
            return array(pointer, mark.keyPath());
        }
        return scalar(pointer, token, mark);
    }

    private ObjectNode object(String pointer, String keyPath) {
        ObjectNode node = NODES.objectNode();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            String childPointer = YamlTree.child(pointer, key);
            YamlMark keyMark = mark(parser.currentTokenLocation(), keyPath.isEmpty() ? key : keyPath + "." + key);
            parser.nextToken();
            if (node.has(key)) {
                problems.add(new MappingProblem(origin, keyMark.line(), keyMark.column(), keyMark.keyPath(),
                        "duplicate key '" + key + "' (expected each key once in a block; first written at line "
                                + marks.get(childPointer).line() + ")"));
                parser.skipChildren();
                continue;
            }
            node.set(key, value(childPointer, keyMark));
        }
        return node;
    }

    private ArrayNode array(String pointer, String keyPath) {
        ArrayNode node = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            int index = node.size();
            node.add(value(YamlTree.child(pointer, index),
                    mark(parser.currentTokenLocation(), keyPath + "[" + index + "]")));
        }
        return node;
    }

    private JsonNode scalar(String pointer, JsonToken token, YamlMark mark) {
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            // Aliases would make one line stand for several places; the file stays readable without them.
            problems.add(new MappingProblem(origin, mark.line(), mark.column(), mark.keyPath(),
                    "alias '*" + parser.getString() + "' (expected the value written out; anchors and aliases are not supported)"));
            return NODES.nullNode();
        }
        switch (token) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                String written = parser.getString();
                scalarTexts.put(pointer, written);
                return number(written);
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> {
                return NODES.stringNode(parser.getString());
            }
        }
    }

    /** A number node for the schema's type checks; text YAML calls a number but Java cannot parse stays text. */
    private static JsonNode number(String written) {
        try {
            BigDecimal value = new BigDecimal(written.replace("_", ""));
            if (value.scale() <= 0 && written.matches("[-+]?[0-9_]+")) {
                BigInteger integer = value.toBigIntegerExact();
                return integer.bitLength() < 32 ? NODES.numberNode(integer.intValue())
                        : integer.bitLength() < 64 ? NODES.numberNode(integer.longValue()) : NODES.numberNode(integer);
            }
            return NODES.numberNode(value);
        } catch (NumberFormatException | ArithmeticException e) {
            return NODES.stringNode(written);
        }
    }

    private static YamlMark mark(TokenStreamLocation location, String keyPath) {
        return new YamlMark(location.getLineNr(), location.getColumnNr(), keyPath);
    }

    /** The parser's own position and words: where it noticed the error and which construct it was in. */
    private static MappingProblem syntaxProblem(String origin, JacksonException e) {
        if (e.getCause() instanceof MarkedYamlEngineException yaml && yaml.getProblemMark().isPresent()) {
            Mark at = yaml.getProblemMark().get();
            String context = "";
            if (yaml.getContext() != null) {
                context = ", " + yaml.getContext() + yaml.getContextMark()
                        .map(m -> " that starts at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
                        .orElse("");
            }
            return new MappingProblem(origin, at.getLine() + 1, at.getColumn() + 1, "",
                    "invalid YAML: " + yaml.getProblem() + " (expected well-formed YAML" + context + ")");
        }
        TokenStreamLocation at = e.getLocation();
        String original = Objects.requireNonNullElse(e.getOriginalMessage(), e.toString());
        String message = "invalid YAML: " + original.lines().findFirst().orElse(original);
        return at == null || at == TokenStreamLocation.NA
                ? new MappingProblem(origin, 0, 0, "", message)
                : new MappingProblem(origin, at.getLineNr(), at.getColumnNr(), "", message);
    }
}
