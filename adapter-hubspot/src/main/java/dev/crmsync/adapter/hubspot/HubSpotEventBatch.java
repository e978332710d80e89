package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.spi.MalformedEventException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A HubSpot webhook body: a JSON array of up to 100 event objects, in no particular order. Every
 * element must be an object with a {@code subscriptionType}; a body that is not JSON, not an array,
 * empty, or has one bad element is refused as a whole, naming the element by its index.
 */
final class HubSpotEventBatch {
    private static final int MAX_PARSER_MESSAGE = 160;

    private HubSpotEventBatch() {
    }

    /** @throws MalformedEventException with a message that says what was wrong and where */
    static List<HubSpotEvent> read(JsonMapper mapper, byte[] body) throws MalformedEventException {
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedEventException("body is not valid JSON: " + shortMessage(e));
        }
        if (node == null || node.isMissingNode()) {
            throw new MalformedEventException("body is not valid JSON: the body is empty");
        }
        if (!(node instanceof ArrayNode array)) {
            throw new MalformedEventException("body must be a JSON array of HubSpot events, found " + kindOf(node));
        }
        if (array.isEmpty()) {
            throw new MalformedEventException("body is an empty JSON array; expected at least one HubSpot event");
        }
        List<HubSpotEvent> events = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            if (!(element instanceof ObjectNode object)) {
                throw new MalformedEventException("event [" + i + "] of " + array.size()
                        + " must be a JSON object, found " + kindOf(element));
            }
            HubSpotEvent event = new HubSpotEvent(object);
            if (event.subscriptionType().isEmpty()) {
                throw new MalformedEventException("event [" + i + "] of " + array.size() + " has no '"
                        + HubSpotEvent.SUBSCRIPTION_TYPE + "' (a non-empty string such as contact.propertyChange)");
            }
            events.add(event);
        }
        return events;
    }

    static String kindOf(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    // The parser's own words and where it stopped; cut short because it may quote part of the body.
    static String shortMessage(JacksonException e) {
        String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        for (String noise : List.of("\n", " (start marker at", " (bound as")) {
            int at = message.indexOf(noise);
            if (at >= 0) {
                message = message.substring(0, at);
            }
        }
        if (message.length() > MAX_PARSER_MESSAGE) {
            message = message.substring(0, MAX_PARSER_MESSAGE) + "...";
        }
        TokenStreamLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            message += " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        }
        return message;
    }
}
