package dev.crmsync.adapter.salesforce;

import java.util.Objects;

/** Where a person lives in the org: a Contact or a Lead, by id. */
record PersonRecord(String object, String id) {
    static final String LEAD = "Lead";
    static final String CONTACT = "Contact";

    PersonRecord {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(id, "id");
    }

    boolean isContact() {
        return object.equals(CONTACT);
    }

    /** The object a record id names, by its key prefix (00Q Lead, 003 Contact); null for others. */
    static String objectOf(String id) {
        if (id.startsWith("00Q")) {
            return LEAD;
        }
        return id.startsWith("003") ? CONTACT : null;
    }
}
