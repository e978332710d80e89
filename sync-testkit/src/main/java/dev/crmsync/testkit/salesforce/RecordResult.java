package dev.crmsync.testkit.salesforce;

import java.util.List;

/** The outcome of one record of a create, update or upsert: a SaveResult or UpsertResult of the partner WSDL. */
record RecordResult(String id, boolean created, List<RecordError> errors) {
    RecordResult {
        errors = List.copyOf(errors);
    }

    static RecordResult ok(String id, boolean created) {
        return new RecordResult(id, created, List.of());
    }

    static RecordResult failed(RecordError error) {
        return new RecordResult(null, false, List.of(error));
    }

    boolean success() {
        return errors.isEmpty();
    }

    /** One Error of the partner WSDL: a StatusCode, a message and the fields it concerns. */
    record RecordError(String statusCode, String message, List<String> fields) {
        RecordError {
            fields = List.copyOf(fields);
        }
    }
}
