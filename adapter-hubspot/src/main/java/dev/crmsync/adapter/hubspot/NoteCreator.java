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
 * Creates notes associated with their contacts (association type 202, HubSpot-defined) through
 * {@code POST /crm/v3/objects/notes/batch/create}, each carrying its idempotency key. Notes whose
 * earlier attempt may have landed are looked up first and reported written without a second create.
 * Two items with the same key in one write share one note.
 */
final class NoteCreator {
    static final String OPERATION = "notes/batch/create";
    static final int NOTE_TO_CONTACT = 202;

    private final HubSpotClient client;
    private final ExistingNotes existing;
    private final int batchSize;

    NoteCreator(HubSpotClient client, int batchSize) {
        this.client = client;
        this.existing = new ExistingNotes(client);
        this.batchSize = batchSize;
    }

    /** An outcome per item key. @throws dev.crmsync.core.spi.AdapterConfigException when the token is refused */
    Map<String, WriteOutcome> create(List<NoteRequest> notes, CallLog calls) {
        Map<String, List<NoteRequest>> byKey = new LinkedHashMap<>();
        notes.forEach(note -> byKey.computeIfAbsent(note.activityKey(), k -> new ArrayList<>()).add(note));
        Map<String, WriteOutcome> byActivity = new HashMap<>();
        List<String> toCheck = byKey.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(NoteRequest::mayExist)).map(Map.Entry::getKey).toList();
        if (!toCheck.isEmpty()) {
            try {
                existing.find(toCheck, calls).forEach((key, id) -> byActivity.put(key,
                        WriteOutcome.written(id, "HTTP 200 " + ExistingNotes.OPERATION + ": already written")));
            } catch (TransientAdapterException | PermanentAdapterException e) {
                // Without knowing whether they exist, creating them could write them twice.
                toCheck.forEach(key -> byActivity.put(key, WriteOutcome.failed(e)));
            }
        }
        List<NoteRequest> toCreate = byKey.values().stream().map(group -> group.get(0))
                .filter(note -> !byActivity.containsKey(note.activityKey())).toList();
        TransientAdapterException stopped = null;
        for (int from = 0; from < toCreate.size(); from += batchSize) {
            List<NoteRequest> chunk = toCreate.subList(from, Math.min(toCreate.size(), from + batchSize));
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
            for (NoteRequest note : chunk) {
                byActivity.putIfAbsent(note.activityKey(), WriteOutcome.failed(failure));
            }
        }
        Map<String, WriteOutcome> outcomes = new LinkedHashMap<>();
        notes.forEach(note -> outcomes.put(note.itemKey(), byActivity.get(note.activityKey())));
        return outcomes;
    }

    private void createChunk(List<NoteRequest> chunk, CallLog calls, Map<String, WriteOutcome> byActivity) {
        HubSpotResponse response = client.post(OPERATION, "notes/batch/create", body(chunk), chunk.size(), calls)
                .requireSuccess();
        Map<String, NoteRequest> byKey = new HashMap<>();
        chunk.forEach(note -> byKey.put(note.activityKey(), note));
        for (JsonNode result : response.body().path("results")) {
            NoteRequest note = noteOf(chunk, byKey, HubSpotJson.text(result, "objectWriteTraceId"),
                    HubSpotJson.text(result.path("properties"), ExistingNotes.KEY_PROPERTY));
            String id = HubSpotJson.text(result, "id");
            if (note != null && id != null) {
                byActivity.put(note.activityKey(), WriteOutcome.written(id, "HTTP " + response.status() + " "
                        + OPERATION));
            }
        }
        for (JsonNode error : response.body().path("errors")) {
            NoteRequest note = noteOf(chunk, byKey, HubSpotJson.firstText(error.path("context"), "objectWriteTraceId"),
                    null);
            if (note != null) {
                byActivity.put(note.activityKey(), WriteOutcome.failed(new PermanentAdapterException("HubSpot "
                        + OPERATION + " refused this note: expected a valid note, found "
                        + HubSpotError.from(error).describe(), response.status())));
            }
        }
        for (NoteRequest note : chunk) {
            // An unanswered input's fate is unknown; the retry searches before it creates.
            byActivity.putIfAbsent(note.activityKey(), WriteOutcome.failed(new TransientAdapterException("HubSpot "
                    + OPERATION + ": expected a result or an error for every note, found neither for one of "
                    + chunk.size(), response.status())));
        }
    }

    private static NoteRequest noteOf(List<NoteRequest> chunk, Map<String, NoteRequest> byKey, String traceId,
                                      String key) {
        if (traceId != null && traceId.startsWith("n")) {
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

    private static ObjectNode body(List<NoteRequest> chunk) {
        ObjectNode body = HubSpotJson.object();
        var inputs = body.putArray("inputs");
        for (int i = 0; i < chunk.size(); i++) {
            NoteRequest note = chunk.get(i);
            ObjectNode input = inputs.addObject();
            input.put("objectWriteTraceId", "n" + i);
            ObjectNode properties = input.putObject("properties");
            properties.put("hs_timestamp", String.valueOf(note.activity().occurredAt().toEpochMilli()));
            properties.put("hs_note_body", NoteBody.of(note.activity()));
            properties.put(ExistingNotes.KEY_PROPERTY, note.activityKey());
            ObjectNode association = input.putArray("associations").addObject();
            association.putObject("to").put("id", note.contactId());
            ObjectNode type = association.putArray("types").addObject();
            type.put("associationCategory", "HUBSPOT_DEFINED");
            type.put("associationTypeId", NOTE_TO_CONTACT);
        }
        return body;
    }
}
