package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.spi.PermanentAdapterException;
import dev.crmsync.core.spi.TransientAdapterException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Upserts contacts by e-mail through {@code POST /crm/v3/objects/contacts/batch/upsert}, at most
 * {@code batchSize} per call, and maps HubSpot's answer back to each input. Every input carries an
 * {@code objectWriteTraceId}, which opts into 207 multi-status answers, so one bad input fails alone.
 */
final class ContactUpserter {
    static final String OPERATION = "contacts/batch/upsert";

    private final HubSpotClient client;
    private final int batchSize;

    ContactUpserter(HubSpotClient client, int batchSize) {
        this.client = client;
        this.batchSize = batchSize;
    }

    /**
     * Results by e-mail for every input. A call that fails as a whole stops the rest: its inputs and
     * all later ones are {@link ContactResult.Rejected} with that transient error.
     *
     * @throws dev.crmsync.core.spi.AdapterConfigException when HubSpot refuses the token
     */
    Map<String, ContactResult> upsert(List<ContactInput> inputs, CallLog calls) {
        Map<String, ContactResult> results = new LinkedHashMap<>();
        TransientAdapterException stopped = null;
        for (int from = 0; from < inputs.size(); from += batchSize) {
            List<ContactInput> chunk = inputs.subList(from, Math.min(inputs.size(), from + batchSize));
            if (stopped == null) {
                try {
                    upsertChunk(chunk, calls, results);
                    continue;
                } catch (TransientAdapterException e) {
                    stopped = e;
                }
            }
            for (ContactInput input : chunk) {
                results.putIfAbsent(input.email(), new ContactResult.Rejected(stopped));
            }
        }
        return results;
    }

    private void upsertChunk(List<ContactInput> chunk, CallLog calls, Map<String, ContactResult> results) {
        HubSpotResponse response = client.post(OPERATION, "contacts/batch/upsert", body(chunk), chunk.size(), calls);
        if (response.status() == 400 && "VALIDATION_ERROR".equals(response.error().category())) {
            // HubSpot warns that partial upserts are not supported with email as idProperty; if it
            // rejects the whole batch for one bad input, halving isolates that input.
            if (chunk.size() > 1) {
                upsertChunk(chunk.subList(0, chunk.size() / 2), calls, results);
                upsertChunk(chunk.subList(chunk.size() / 2, chunk.size()), calls, results);
                return;
            }
            results.put(chunk.get(0).email(), new ContactResult.Rejected(refused(response.status(), response.error())));
            return;
        }
        try {
            response.requireSuccess();
        } catch (PermanentAdapterException e) {
            chunk.forEach(input -> results.put(input.email(), new ContactResult.Rejected(e)));
            return;
        }
        readAnswer(chunk, response, results);
    }

    private static void readAnswer(List<ContactInput> chunk, HubSpotResponse response,
                                   Map<String, ContactResult> results) {
        Map<String, ContactInput> byEmail = new HashMap<>();
        chunk.forEach(input -> byEmail.put(input.email(), input));
        for (JsonNode result : response.body().path("results")) {
            ContactInput input = inputOf(chunk, byEmail, HubSpotJson.text(result, "objectWriteTraceId"),
                    HubSpotJson.text(result.path("properties"), "email"));
            String id = HubSpotJson.text(result, "id");
            if (input != null && id != null) {
                results.put(input.email(), new ContactResult.Upserted(id, response.status()));
            }
        }
        for (JsonNode error : response.body().path("errors")) {
            ContactInput input = inputOf(chunk, byEmail, HubSpotJson.firstText(error.path("context"),
                    "objectWriteTraceId"), null);
            if (input != null) {
                results.put(input.email(), new ContactResult.Rejected(refused(response.status(),
                        HubSpotError.from(error))));
            }
        }
        for (ContactInput input : chunk) {
            results.computeIfAbsent(input.email(), email -> new ContactResult.Rejected(new TransientAdapterException(
                    "HubSpot " + OPERATION + ": expected a result or an error for every input, found neither for "
                            + "one of " + chunk.size(), response.status())));
        }
    }

    private static ContactInput inputOf(List<ContactInput> chunk, Map<String, ContactInput> byEmail,
                                        String traceId, String email) {
        if (traceId != null && traceId.startsWith("c")) {
            try {
                int index = Integer.parseInt(traceId.substring(1));
                if (index >= 0 && index < chunk.size()) {
                    return chunk.get(index);
                }
            } catch (NumberFormatException e) {
                // not one of ours; fall back to the e-mail
            }
        }
        return email == null ? null : byEmail.get(email.trim().toLowerCase(Locale.ROOT));
    }

    static PermanentAdapterException refused(int status, HubSpotError error) {
        return new PermanentAdapterException("HubSpot " + OPERATION + " refused this contact: expected valid "
                + "property values, found " + error.describe(), status);
    }

    private static ObjectNode body(List<ContactInput> chunk) {
        ObjectNode body = HubSpotJson.object();
        ArrayNode inputs = body.putArray("inputs");
        for (int i = 0; i < chunk.size(); i++) {
            ContactInput contact = chunk.get(i);
            ObjectNode input = inputs.addObject();
            input.put("idProperty", "email");
            input.put("id", contact.email());
            input.put("objectWriteTraceId", "c" + i);
            ObjectNode properties = input.putObject("properties");
            contact.properties().forEach(properties::put);
            properties.put("email", contact.email());
        }
        return body;
    }
}
