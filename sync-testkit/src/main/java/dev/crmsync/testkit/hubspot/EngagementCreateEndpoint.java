package dev.crmsync.testkit.hubspot;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /crm/v3/objects/<notes|tasks>} (one) and {@code POST /crm/v3/objects/<notes|tasks>/batch/create}
 * (up to 100), each note or task associated with contacts; 201 on success, 207 with per-input errors when
 * every input carries an {@code objectWriteTraceId}, otherwise 400 for any bad input.
 */
final class EngagementCreateEndpoint implements SimEndpoint {
    private final EngagementInput.Kind kind;
    private final CrmStore store;
    private final PropertySchema schema;
    private final Clock clock;
    private final boolean batch;

    EngagementCreateEndpoint(EngagementInput.Kind kind, CrmStore store, PropertySchema schema, Clock clock,
                             boolean batch) {
        this.kind = kind;
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
        EngagementInput note = EngagementInput.read(kind, body, schema, store);
        if (!note.problems().isEmpty()) {
            return SimResponse.of(400, HubSpotErrors.validation(
                    HubSpotErrors.propertyValuesNotValid(note.problems()), note.problems()));
        }
        return SimResponse.of(201, store.createEngagement(kind.objectType, note.properties(), note.contactIds()).toJson(null));
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
        List<EngagementInput> notes = new ArrayList<>();
        inputs.forEach(input -> notes.add(EngagementInput.read(kind, input, schema, store)));
        List<EngagementInput> bad = notes.stream().filter(n -> !n.problems().isEmpty()).toList();
        if (!bad.isEmpty() && !BatchRules.multiStatus(inputs)) {
            List<PropertyProblem> all = bad.stream().flatMap(n -> n.problems().stream()).toList();
            return SimResponse.of(400, HubSpotErrors.validation(
                    HubSpotErrors.propertyValuesNotValid(bad.get(0).problems()), all));
        }
        ArrayNode results = SimJson.MAPPER.createArrayNode();
        for (EngagementInput note : notes) {
            if (note.problems().isEmpty()) {
                ObjectNode result = store.createEngagement(kind.objectType, note.properties(), note.contactIds()).toJson(null);
                if (note.traceId() != null) {
                    result.put("objectWriteTraceId", note.traceId());
                }
                results.add(result);
            }
        }
        return BatchRules.answer(results,
                bad.stream().map(n -> HubSpotErrors.batchEntry(n.traceId(), n.problems())).toList(),
                201, startedAt, clock.instant());
    }
}
