package dev.crmsync.testkit.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoqlQueryTest {
    private final SimSchema schema = new SimSchema();
    private final SObjectStore store = new SObjectStore(schema,
            Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));

    private List<String> ids(String soql) {
        return SoqlQuery.parse(soql, schema).run(store).stream().map(SimRecord::id).toList();
    }

    @Test
    void theCompoundCursorConditionSkipsNothingSharingAModstamp() {
        String a = store.insertDirect("Lead", Map.of("Email", "a@x.io"), Instant.parse("2026-03-02T10:00:00Z"), "u").id();
        String b = store.insertDirect("Lead", Map.of("Email", "b@x.io"), Instant.parse("2026-03-02T10:00:00Z"), "u").id();
        String c = store.insertDirect("Lead", Map.of("Email", "c@x.io"), Instant.parse("2026-03-02T10:00:01Z"), "u").id();
        assertThat(ids("SELECT Id FROM Lead WHERE (SystemModstamp > 2026-03-02T10:00:00Z OR (SystemModstamp = "
                + "2026-03-02T10:00:00Z AND Id > '" + a + "')) ORDER BY SystemModstamp, Id LIMIT 5"))
                .containsExactly(b, c);
    }

    @Test
    void inListsCompareTextIgnoringCase() {
        String a = store.insertDirect("Contact", Map.of("Email", "Ann@X.io"), Instant.EPOCH, "u").id();
        store.insertDirect("Contact", Map.of("Email", "bob@x.io"), Instant.EPOCH, "u");
        assertThat(ids("SELECT Id, Email FROM Contact WHERE Email IN ('ann@x.io', 'o\\'neil@x.io')")).containsExactly(a);
    }

    @Test
    void anUnknownColumnIsAnInvalidFieldFault() {
        assertThatThrownBy(() -> SoqlQuery.parse("SELECT Nope__c FROM Lead", schema))
                .isInstanceOfSatisfying(SoapFault.class, f -> assertThat(f.exceptionCode()).isEqualTo("INVALID_FIELD"));
    }

    @Test
    void aQueryOutsideTheSubsetIsMalformed() {
        assertThatThrownBy(() -> SoqlQuery.parse("SELECT Id FROM Lead WHERE Email LIKE 'a%'", schema))
                .isInstanceOfSatisfying(SoapFault.class, f -> assertThat(f.exceptionCode()).isEqualTo("MALFORMED_QUERY"));
    }
}
