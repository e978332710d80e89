package dev.crmsync.adapter.instantly;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Realistic Instantly webhook bodies from test resources named by event type, with overrides. */
final class InstantlyPayloads {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private InstantlyPayloads() {
    }

    static byte[] of(String name) {
        try (InputStream in = InstantlyPayloads.class.getResourceAsStream(name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no test payload " + name + ".json");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The named payload with some top-level fields set (added at the end when new). */
    static byte[] with(String name, Map<String, ?> overrides) {
        return with(of(name), overrides);
    }

    static byte[] with(byte[] body, Map<String, ?> overrides) {
        ObjectNode json = (ObjectNode) MAPPER.readTree(body);
        overrides.forEach((field, value) -> json.set(field, MAPPER.valueToTree(value)));
        return MAPPER.writeValueAsBytes(json);
    }

    /** The named payload without some top-level fields. */
    static byte[] without(String name, String... fields) {
        return without(of(name), fields);
    }

    static byte[] without(byte[] body, String... fields) {
        ObjectNode json = (ObjectNode) MAPPER.readTree(body);
        for (String field : fields) {
            json.remove(field);
        }
        return MAPPER.writeValueAsBytes(json);
    }

    static byte[] text(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
