package dev.crmsync.testkit.hubspot;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /crm/v3/objects/contacts/batch/upsert} by email: creates missing contacts, updates the
 * rest, and answers 200, or 207 with per-input errors when the caller opted into multi-status. What
 * it wrote goes to the {@code written} observer (the webhooks HubSpot sends for API writes).
 */
final class ContactUpsertEndpoint implements SimEndpoint {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private record Input(int index, String email, String traceId, Map<String, String> properties,
                         List<PropertyProblem> problems) {
    }

    private final CrmStore store;
    private final PropertySchema schema;
    private final Clock clock;
    private final BooleanSupplier partialEmailUpserts;
    private final Consumer<List<CrmStore.Upserted>> written;

    ContactUpsertEndpoint(CrmStore store, PropertySchema schema, Clock clock, BooleanSupplier partialEmailUpserts,
                          Consumer<List<CrmStore.Upserted>> written) {
        this.store = store;
        this.schema = schema;
        this.clock = clock;
        this.partialEmailUpserts = partialEmailUpserts;
        this.written = written;
    }

    @Override
    public SimResponse handle(SimRequest request) {
        Instant startedAt = clock.instant();
        JsonNode inputs = BatchRules.inputs(request);
        if (inputs == null) {
            return BatchRules.malformed();
        }
        if (inputs.size() > BatchRules.MAX_INPUTS) {
            return BatchRules.tooMany(inputs.size());
        }
        List<Input> parsed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            JsonNode input = inputs.get(i);
            String idProperty = SimJson.text(input, "idProperty");
            idProperty = idProperty != null ? idProperty : request.query().get("idProperty");
            if (!"email".equals(idProperty)) {
                return SimResponse.of(400, idPropertyError(idProperty));
            }
            String id = SimJson.text(input, "id");
            if (id == null || id.isBlank()) {
                return SimResponse.of(400, HubSpotErrors.error("Input " + i + " has no id", "VALIDATION_ERROR"));
            }
            if (!seen.add(CrmStore.emailKey(id))) {
                duplicates.add(id);
            }
            Map<String, String> properties = BatchRules.properties(input);
            List<PropertyProblem> problems = new ArrayList<>(schema.validate("contacts", properties));
            if (!EMAIL.matcher(id.trim()).matches()) {
                problems.add(new PropertyProblem("email", "INVALID_EMAIL", "Email address " + id + " is invalid"));
            }
            parsed.add(new Input(i, id, SimJson.text(input, "objectWriteTraceId"), properties, problems));
        }
        if (!duplicates.isEmpty()) {
            return SimResponse.of(400, HubSpotErrors.error("Duplicate IDs found in batch input: " + duplicates,
                    "VALIDATION_ERROR"));
        }
        List<Input> bad = parsed.stream().filter(in -> !in.problems().isEmpty()).toList();
        boolean multiStatus = BatchRules.multiStatus(inputs) && partialEmailUpserts.getAsBoolean();
        if (!bad.isEmpty() && !multiStatus) {
            List<PropertyProblem> all = bad.stream().flatMap(in -> in.problems().stream()).toList();
            return SimResponse.of(400, HubSpotErrors.validation(
                    HubSpotErrors.propertyValuesNotValid(bad.get(0).problems()), all));
        }
        ArrayNode results = SimJson.MAPPER.createArrayNode();
        List<CrmStore.Upserted> applied = new ArrayList<>();
        for (Input input : parsed) {
            if (input.problems().isEmpty()) {
                CrmStore.Upserted upserted = store.upsertContact(input.email(), input.properties(),
                        schema.lifecycleOrder());
                applied.add(upserted);
                ObjectNode result = upserted.contact().toJson(null);
                result.put("new", upserted.created());
                if (input.traceId() != null) {
                    result.put("objectWriteTraceId", input.traceId());
                }
                results.add(result);
            }
        }
        written.accept(applied);
        return BatchRules.answer(results,
                bad.stream().map(in -> HubSpotErrors.batchEntry(in.traceId(), in.problems())).toList(),
                200, startedAt, clock.instant());
    }

    private ObjectNode idPropertyError(String idProperty) {
        if (idProperty == null) {
            return HubSpotErrors.error("Upserts require an idProperty naming a unique property", "VALIDATION_ERROR");
        }
        if (schema.find("contacts", idProperty).isEmpty()) {
            return HubSpotErrors.validation(HubSpotErrors.propertyValuesNotValid(
                    List.of(PropertyProblem.doesNotExist(idProperty))), List.of(PropertyProblem.doesNotExist(idProperty)));
        }
        return HubSpotErrors.error("Unable to perform update/upsert by non-unique 0-1 property " + idProperty,
                "VALIDATION_ERROR");
    }
}
