package dev.crmsync.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> SECTIONS = List.of("version", "systems", "statuses", "suppression");

    @Test
    void suggestsTheNearSpelling() {
        assertThat(Suggestions.didYouMean("supression", SECTIONS)).isEqualTo("; did you mean 'suppression'?");
        assertThat(Suggestions.didYouMean("HubSpot", List.of("hubspot"))).isEqualTo("; did you mean 'hubspot'?");
    }

    @Test
    void staysQuietWhenNothingIsClose() {
        assertThat(Suggestions.didYouMean("owners", SECTIONS)).isEmpty();
    }
}
