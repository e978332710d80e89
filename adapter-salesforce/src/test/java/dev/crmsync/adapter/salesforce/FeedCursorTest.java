package dev.crmsync.adapter.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmsync.core.spi.PermanentAdapterException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedCursorTest {

    @Test
    void roundTripsThroughItsStoredText() {
        FeedCursor cursor = new FeedCursor(Instant.parse("2026-03-02T10:00:00Z"), "00Q000000000001AAA");
        assertThat(FeedCursor.parse(cursor.toString())).isEqualTo(cursor);
    }

    @Test
    void readsTheRecordsAfterItInModstampThenIdOrder() {
        FeedCursor cursor = new FeedCursor(Instant.parse("2026-03-02T10:00:00Z"), "00Q1");
        assertThat(cursor.after()).isEqualTo("(SystemModstamp > 2026-03-02T10:00:00Z OR (SystemModstamp = "
                + "2026-03-02T10:00:00Z AND Id > '00Q1'))");
    }

    @Test
    void ordersByModstampThenId() {
        Instant t = Instant.parse("2026-03-02T10:00:00Z");
        assertThat(new FeedCursor(t, "003B")).isGreaterThan(new FeedCursor(t, "003A"));
        assertThat(new FeedCursor(t.plusSeconds(1), "0")).isGreaterThan(new FeedCursor(t, "zzz"));
    }

    @Test
    void aCursorThatIsNotOursIsRefusedNamingIt() {
        assertThatThrownBy(() -> FeedCursor.parse("yesterday|00Q1")).isInstanceOf(PermanentAdapterException.class)
                .hasMessageContaining("'yesterday|00Q1'");
    }

    @Test
    void quotesAreEscapedInSoqlLiterals() {
        assertThat(Soql.quote("o'neil@example.com")).isEqualTo("'o\\'neil@example.com'");
    }
}
