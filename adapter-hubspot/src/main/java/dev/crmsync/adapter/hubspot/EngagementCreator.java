package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.spi.AdapterException;
import dev.crmsync.core.spi.PermanentAdapterException;
import dev.crmsync.core.spi.TransientAdapterException;
import dev.crmsync.core.spi.WriteOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates notes or tasks associated with their contacts (HubSpot-defined association types, see
 * {@link HubSpotEngagement}) through {@code POST /crm/v3/objects/<notes|tasks>/batch/create}, each
 * carrying its idempotency key. Those whose earlier attempt may have landed are looked up first and
 * reported written without a second create. Two items with the same key in one write share one record.
 */
final class EngagementCreator {
    private final HubSpotClient client;
    private final HubSpotEngagement type;
    private final ExistingEngagements existing;
    private final int batchSize;

    EngagementCreator(HubSpotClient client, HubSpotEngagement type, int batchSize) {
        this.client = client;
        this.type = type;
        this.existing = new ExistingEngagements(client, type);
        this.batchSize = batchSize;
    }

    /** An outcome per item key. @throws dev.crmsync.core.spi.AdapterConfigException when the token is refused */
    Map<String, WriteOutcome> create(List<EngagementRequest> notes, CallLog calls) {
        Map<String, List<EngagementRequest>> byKey = new LinkedHashMap<>();
        notes.forEach(note -> byKey.computeIfAbsent(note.activityKey(), k -> new ArrayList<>()).add(note));
        Map<String, WriteOutcome> byActivity = new HashMap<>();
        List<String> toCheck = byKey.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(EngagementRequest::mayExist)).map(Map.Entry::getKey).toList();
        if (!toCheck.isEmpty()) {
            try {
                existing.find(toCheck, calls).forEach((key, id) -> byActivity.put(key,
                        WriteOutcome.written(id, "HTTP 200 " + type.searchOperation() + ": already written")));
            } catch (TransientAdapterException | PermanentAdapterException e) {
                // Without knowing whether they exist, creating them could write them twice.
                toCheck.forEach(key -> byActivity.put(key, WriteOutcome.failed(e)));
            }
        }
        List<EngagementRequest> toCreate = byKey.values().stream().map(group -> group.get(0))
                .filter(note -> !byActivity.containsKey(note.activityKey())).toList();
        TransientAdapterException stopped = null;
        for (int from = 0; from < toCreate.size(); from += batchSize) {
            List<EngagementRequest> chunk = toCreate.subList(from, Math.min(toCreate.size(), from + batchSize));
            AdapterException failure = stopped;
            if (stopped == null) {
                try {
                    createChunk(chunk, calls, byActivity);
                    continue;
                } catch (TransientAdapterException e) {
                    stopped = e;
                    failure = e;
                } catch (PermanentAdapterException e) {
                    failure = e;
                }
            }
            for (EngagementRequest note : chunk) {
                byActivity.putIfAbsent(note.activityKey(), WriteOutcome.failed(failure));
            }
        }
        Map<String, WriteOutcome> outcomes = new LinkedHashMap<>();
        notes.forEach(note -> outcomes.put(note.itemKey(), byActivity.get(note.activityKey())));
        return outcomes;
    }

    private void createChunk(List<EngagementRequest> chunk, CallLog calls, Map<String, WriteOutcome> byActivity) {
        HubSpotResponse response = client.post(type.createOperation(), type.createOperation(), body(chunk),
                chunk.size(), calls)
                .requireSuccess();
        Map<String, EngagementRequest> byKey = new HashMap<>();
        chunk.forEach(note -> byKey.put(note.activityKey(), note));
        for (JsonNode result : response.body().path("results")) {
            EngagementRequest note = requestOf(chunk, byKey, HubSpotJson.text(result, "objectWriteTraceId"),
                    HubSpotJson.text(result.path("properties"), HubSpotEngagement.KEY_PROPERTY));
            String id = HubSpotJson.text(result, "id");
            if (note != null && id != null) {
                byActivity.put(note.activityKey(), WriteOutcome.written(id, "HTTP " + response.status() + " "
                        + type.createOperation()));
            }
        }
        for (JsonNode error : response.body().path("errors")) {
            EngagementRequest note = requestOf(chunk, byKey,
                    HubSpotJson.firstText(error.path("context"), "objectWriteTraceId"), null);
            if (note != null) {
                byActivity.put(note.activityKey(), WriteOutcome.failed(new PermanentAdapterException("HubSpot "
                        + type.createOperation() + " refused this input: expected a valid " + type.objectType()
                        + " input, found "
                        + HubSpotError.from(error).describe(), response.status())));
            }
        }
        for (EngagementRequest note : chunk) {
            // An unanswered input's fate is unknown; the retry searches before it creates.
            byActivity.putIfAbsent(note.activityKey(), WriteOutcome.failed(new TransientAdapterException("HubSpot "
                    + type.createOperation() + ": expected a result or an error for every input, found neither for "
                    + "one of " + chunk.size(), response.status())));
        }
    }

    private EngagementRequest requestOf(List<EngagementRequest> chunk, Map<String, EngagementRequest> byKey,
                                     String traceId, String key) {
        if (traceId != null && traceId.startsWith(type.tracePrefix())) {
            try {
                int index = Integer.parseInt(traceId.substring(1));
                if (index >= 0 && index < chunk.size()) {
                    return chunk.get(index);
                }
            } catch (NumberFormatException e) {
                // not one of ours; fall back to the key
            }
        }
        return key == null ? null : byKey.get(key);
    }

    private ObjectNode body(List<EngagementRequest> chunk) {
        ObjectNode body = HubSpotJson.object();
        var inputs = body.putArray("inputs");
        for (int i = 0; i < chunk.size(); i++) {
            EngagementRequest note = chunk.get(i);
            ObjectNode input = inputs.addObject();
            input.put("objectWriteTraceId", type.tracePrefix() + i);
            ObjectNode properties = input.putObject("properties");
            type.properties(note.activity()).forEach(properties::put);
            ObjectNode association = input.putArray("associations").addObject();
            association.putObject("to").put("id", note.contactId());
            ObjectNode kind = association.putArray("types").addObject();
            kind.put("associationCategory", "HUBSPOT_DEFINED");
            kind.put("associationTypeId", type.toContactType());
        }
        return body;
    }
}
