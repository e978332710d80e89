package dev.crmsync.testkit.hubspot;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /crm/v3/objects/notes} (one note) and {@code POST /crm/v3/objects/notes/batch/create}
 * (up to 100), each note associated with contacts; 201 on success, 207 with per-input errors when
 * every input carries an {@code objectWriteTraceId}, otherwise 400 for any bad input.
 */
final class NoteCreateEndpoint implements SimEndpoint {
    private final CrmStore store;
    private final PropertySchema schema;
    private final Clock clock;
    private final boolean batch;

    NoteCreateEndpoint(CrmStore store, PropertySchema schema, Clock clock, boolean batch) {
        this.store = store;
        this.schema = schema;
        this.clock = clock;
        this.batch = batch;
    }

    @Override
    public SimResponse handle(SimRequest request) {
        return batch ? createBatch(request) : createOne(request);
    }

    private SimResponse createOne(SimRequest request) {
        JsonNode body = request.jsonObject();
        if (body == null) {
            return SimResponse.of(400, HubSpotErrors.error("Invalid input JSON", "VALIDATION_ERROR"));
        }
        NoteInput note = NoteInput.read(body, schema, store);
        if (!note.problems().isEmpty()) {
            return SimResponse.of(400, HubSpotErrors.validation(
                    HubSpotErrors.propertyValuesNotValid(note.problems()), note.problems()));
        }
        return SimResponse.of(201, store.createNote(note.properties(), note.contactIds()).toJson(null));
    }

    private SimResponse createBatch(SimRequest request) {
        Instant startedAt = clock.instant();
        JsonNode inputs = BatchRules.inputs(request);
        if (inputs == null) {
            return BatchRules.malformed();
        }
        if (inputs.size() > BatchRules.MAX_INPUTS) {
            return BatchRules.tooMany(inputs.size());
        }
        List<NoteInput> notes = new ArrayList<>();
        inputs.forEach(input -> notes.add(NoteInput.read(input, schema, store)));
        List<NoteInput> bad = notes.stream().filter(n -> !n.problems().isEmpty()).toList();
        if (!bad.isEmpty() && !BatchRules.multiStatus(inputs)) {
            List<PropertyProblem> all = bad.stream().flatMap(n -> n.problems().stream()).toList();
            return SimResponse.of(400, HubSpotErrors.validation(
                    HubSpotErrors.propertyValuesNotValid(bad.get(0).problems()), all));
        }
        ArrayNode results = SimJson.MAPPER.createArrayNode();
        for (NoteInput note : notes) {
            if (note.problems().isEmpty()) {
                ObjectNode result = store.createNote(note.properties(), note.contactIds()).toJson(null);
                if (note.traceId() != null) {
                    result.put("objectWriteTraceId", note.traceId());
                }
                results.add(result);
            }
        }
        ObjectNode answer = BatchRules.envelope(results, startedAt, clock.instant());
        if (bad.isEmpty()) {
            return SimResponse.of(201, answer);
        }
        answer.put("numErrors", bad.size());
        ArrayNode errors = answer.putArray("errors");
        bad.forEach(n -> errors.add(HubSpotErrors.batchEntry(n.traceId(), n.problems())));
        return SimResponse.of(207, answer);
    }
}
