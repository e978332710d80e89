package dev.crmsync.adapter.salesforce;

import dev.crmsync.core.config.AdapterConfig;
import dev.crmsync.core.spi.AdapterConfigException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The org's field names and how a person is found, so an org can rename them.
 *
 * @param lookupOrder         {@value #CONTACT_FIRST} or {@value #LEAD_FIRST}
 * @param upsertField         when set, Leads are upserted by this External ID / idLookup field instead of looked up
 * @param sourceField         the last-updated-by-source field on Lead and Contact
 * @param taskKeyField        the unique External ID on Task holding the activity key
 * @param lastNamePlaceholder a new Lead's LastName when the command has none
 * @param companyPlaceholder  a new Lead's Company when the command has none
 * @param leadOnlyFields      fields left out when the person is a Contact
 */
public record SalesforceOrgFields(String lookupOrder, Optional<String> upsertField, String sourceField,
                                  String taskKeyField, String lastNamePlaceholder, String companyPlaceholder,
                                  Set<String> leadOnlyFields) {
    public static final String CONTACT_FIRST = "contact-first";
    public static final String LEAD_FIRST = "lead-first";

    public SalesforceOrgFields {
        Objects.requireNonNull(upsertField, "upsertField");
        leadOnlyFields = Set.copyOf(leadOnlyFields);
        if (!lookupOrder.equals(CONTACT_FIRST) && !lookupOrder.equals(LEAD_FIRST)) {
            throw new AdapterConfigException("salesforce lookup-order must be " + CONTACT_FIRST + " or " + LEAD_FIRST
                    + ", found '" + lookupOrder + "'");
        }
    }

    /** The defaults of DESIGN.md's external contract. */
    public static SalesforceOrgFields defaults() {
        return new SalesforceOrgFields(CONTACT_FIRST, Optional.empty(), "Last_Updated_By_Source__c", "Sync_Key__c",
                "[not provided]", "[not provided]", Set.of("Status", "Company", "Website"));
    }

    static SalesforceOrgFields from(AdapterConfig config) {
        return new SalesforceOrgFields(config.requireString("lookup-order"),
                config.string("upsert-field").map(String::strip).filter(s -> !s.isEmpty()),
                config.requireString("source-field"), config.requireString("task-key-field"),
                config.requireString("lead-last-name-placeholder"), config.requireString("lead-company-placeholder"),
                Set.copyOf(list(config.requireString("lead-only-fields"))));
    }

    boolean contactFirst() {
        return lookupOrder.equals(CONTACT_FIRST);
    }

    static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
