package dev.crmsync.testkit.salesforce;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The partner-API calls the adapter uses, each answering its response element: {@code create}, {@code update},
 * {@code upsert} (at most 200 records, per-record errors in the results), {@code query} and {@code queryMore}
 * (statements of at most 100,000 characters; answers in batches of the {@code QueryOptions} size, 500 by
 * default), {@code getDeleted} and {@code getUpdated}.
 */
final class PartnerOperations {
    static final int MAX_RECORDS_PER_CALL = 200;
    /** Salesforce's default limit on the length of a SOQL statement. */
    static final int MAX_SOQL_CHARS = 100_000;
    private static final int DEFAULT_QUERY_BATCH = 500;

    private final SObjectStore store;
    private final SimSchema schema;
    private final Map<String, Pending> locators = new ConcurrentHashMap<>();

    private record Pending(List<SimRecord> rest, List<String> fields, int batchSize) {
    }

    PartnerOperations(SObjectStore store, SimSchema schema) {
        this.store = store;
        this.schema = schema;
    }

    String handle(SoapRequest request, String userId) {
        String op = request.operation();
        return switch (op) {
            case "create" -> save(request, "create", userId);
            case "update" -> save(request, "update", userId);
            case "upsert" -> save(request, "upsert", userId);
            case "query" -> query(request);
            case "queryMore" -> queryMore(request.argument("queryLocator"));
            case "getDeleted" -> getDeleted(request);
            case "getUpdated" -> getUpdated(request);
            default -> throw SoapFault.unexpected("UNKNOWN_EXCEPTION", "the simulator does not implement '" + op + "'");
        };
    }

    private String save(SoapRequest request, String op, String userId) {
        List<SoapRequest.SObjectInput> inputs = request.sObjects();
        if (inputs.size() > MAX_RECORDS_PER_CALL) {
            throw SoapFault.unexpected("EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than "
                    + MAX_RECORDS_PER_CALL + " records into this call");
        }
        if (inputs.isEmpty()) {
            return "<" + op + "Response/>";
        }
        String type = inputs.get(0).type();
        if (type == null || !schema.knowsObject(type)) {
            throw SoapFault.invalidType(String.valueOf(type));
        }
        List<Map<String, String>> records = new ArrayList<>();
        for (SoapRequest.SObjectInput input : inputs) {
            if (!type.equals(input.type())) {
                throw SoapFault.unexpected("INVALID_TYPE", "the simulator takes one sObject type per call, found "
                        + type + " and " + input.type());
            }
            for (String field : input.fields().keySet()) {
                if (!field.equals("Id") && !schema.isReadable(type, field)) {
                    throw SoapFault.invalidField("No such column '" + field + "' on entity '" + type + "'. If you are "
                            + "attempting to use a custom field, be sure to append the '__c' after the custom field name.");
                }
            }
            records.add(input.fields());
        }
        List<RecordResult> results = switch (op) {
            case "create" -> store.create(type, records, userId);
            case "update" -> store.update(type, records, userId);
            default -> {
                String key = request.argument("externalIDFieldName");
                if (!schema.canKeyUpsert(type, key)) {
                    throw SoapFault.invalidField("Field name provided, " + key + " is not an External ID or indexed "
                            + "field for " + type);
                }
                yield store.upsert(type, key, records, userId);
            }
        };
        StringBuilder out = new StringBuilder("<").append(op).append("Response>");
        for (RecordResult result : results) {
            out.append("<result>");
            if (op.equals("upsert")) {
                out.append("<created>").append(result.created()).append("</created>");
            }
            for (RecordResult.RecordError error : result.errors()) {
                out.append("<errors>");
                error.fields().forEach(f -> out.append(SoapXml.element("fields", f)));
                out.append(SoapXml.element("message", error.message()))
                        .append(SoapXml.element("statusCode", error.statusCode())).append("</errors>");
            }
            out.append(SoapXml.element("id", result.id())).append("<success>").append(result.success())
                    .append("</success></result>");
        }
        return out.append("</").append(op).append("Response>").toString();
    }

    private String query(SoapRequest request) {
        String soql = request.argument("queryString");
        if (soql.length() > MAX_SOQL_CHARS) {
            throw SoapFault.malformedQuery("SOQL statement is " + soql.length() + " characters; at most "
                    + MAX_SOQL_CHARS + " are allowed");
        }
        SoqlQuery query = SoqlQuery.parse(soql, schema);
        int batch = request.queryBatchSize().map(Integer::parseInt).map(n -> Math.max(200, Math.min(2000, n)))
                .orElse(DEFAULT_QUERY_BATCH);
        return page("queryResponse", query.run(store), query.fields(), batch);
    }

    private String queryMore(String locator) {
        Pending pending = locators.remove(locator);
        if (pending == null) {
            throw new SoapFault("INVALID_QUERY_LOCATOR", "invalid query locator", "InvalidQueryLocatorFault");
        }
        return page("queryMoreResponse", pending.rest(), pending.fields(), pending.batchSize());
    }

    private String page(String element, List<SimRecord> matches, List<String> fields, int batch) {
        List<SimRecord> now = matches.size() > batch ? matches.subList(0, batch) : matches;
        String locator = null;
        if (matches.size() > batch) {
            locator = "01g" + UUID.randomUUID().toString().replace("-", "").substring(0, 15) + "-" + batch;
            locators.put(locator, new Pending(List.copyOf(matches.subList(batch, matches.size())), fields, batch));
        }
        StringBuilder out = new StringBuilder("<").append(element).append("><result xsi:type=\"QueryResult\">")
                .append("<done>").append(locator == null).append("</done>")
                .append(SoapXml.element("queryLocator", locator));
        List<String> selected = fields.stream().filter(f -> !f.equals("Id")).toList();
        now.forEach(r -> out.append(SoapXml.record(r, selected)));
        return out.append("<size>").append(matches.size()).append("</size></result></").append(element).append(">")
                .toString();
    }

    private String getDeleted(SoapRequest request) {
        String type = request.argument("sObjectType");
        Instant start = Instant.parse(request.argument("startDate"));
        Instant end = Instant.parse(request.argument("endDate"));
        StringBuilder out = new StringBuilder("<getDeletedResponse><result>");
        for (SObjectStore.Deleted deleted : store.deleted(type, start, end)) {
            out.append("<deletedRecords><deletedDate>").append(SoapXml.dateTime(deleted.deletedDate()))
                    .append("</deletedDate><id>").append(deleted.id()).append("</id></deletedRecords>");
        }
        return out.append("<earliestDateAvailable>").append(SoapXml.dateTime(Instant.EPOCH))
                .append("</earliestDateAvailable><latestDateCovered>").append(SoapXml.dateTime(end))
                .append("</latestDateCovered></result></getDeletedResponse>").toString();
    }

    private String getUpdated(SoapRequest request) {
        String type = request.argument("sObjectType");
        Instant start = Instant.parse(request.argument("startDate"));
        Instant end = Instant.parse(request.argument("endDate"));
        StringBuilder out = new StringBuilder("<getUpdatedResponse><result>");
        store.find(type, r -> !r.systemModstamp().isBefore(start) && !r.systemModstamp().isAfter(end))
                .forEach(r -> out.append("<ids>").append(r.id()).append("</ids>"));
        return out.append("<latestDateCovered>").append(SoapXml.dateTime(end))
                .append("</latestDateCovered></result></getUpdatedResponse>").toString();
    }
}
