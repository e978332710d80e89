package dev.crmsync.adapter.hubspot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Realistic HubSpot webhook bodies and single stored events, from test resources, with overrides. */
final class HubSpotPayloads {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private HubSpotPayloads() {
    }

    static byte[] of(String name) {
        try (InputStream in = HubSpotPayloads.class.getResourceAsStream(name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no test payload " + name + ".json");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The named single event with some fields set (a null value removes the field). */
    static byte[] with(String name, Map<String, ?> overrides) {
        ObjectNode json = (ObjectNode) MAPPER.readTree(of(name));
        overrides.forEach((field, value) -> {
            if (value == null) {
                json.remove(field);
            } else {
                json.set(field, MAPPER.valueToTree(value));
            }
        });
        return MAPPER.writeValueAsBytes(json);
    }

    /** The named single event as a one-element webhook body. */
    static byte[] batchOf(byte[] event) {
        return MAPPER.writeValueAsBytes(MAPPER.createArrayNode().add(MAPPER.readTree(event)));
    }
}
