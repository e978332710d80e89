package dev.crmsync.adapter.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** The look-up's IN lists: every email once, in order, and no list longer than a statement may hold. */
class SoqlInPartsPropertyTest {

    @Property
    void partsHoldEveryValueInOrderAndEachListFitsUnlessItIsOneValue(
            @ForAll @Size(max = 300) List<@StringLength(max = 60) String> values,
            @ForAll @IntRange(min = 2, max = 2_000) int maxChars) {
        List<List<String>> parts = Soql.inParts(values, maxChars);

        assertThat(parts.stream().flatMap(List::stream).toList()).isEqualTo(values);
        assertThat(parts).allSatisfy(part -> {
            assertThat(part).isNotEmpty();
            if (part.size() > 1) {
                assertThat(Soql.in(part).length()).isLessThanOrEqualTo(maxChars);
            }
        });
    }

    @Property
    void aPartIsClosedOnlyWhenTheNextValueWouldNotFit(
            @ForAll @Size(min = 2, max = 300) List<@StringLength(max = 60) String> values,
            @ForAll @IntRange(min = 2, max = 2_000) int maxChars) {
        List<List<String>> parts = Soql.inParts(values, maxChars);

        for (int i = 0; i + 1 < parts.size(); i++) {
            List<String> grown = new ArrayList<>(parts.get(i));
            grown.add(parts.get(i + 1).get(0));
            assertThat(Soql.in(grown).length()).isGreaterThan(maxChars);
        }
    }
}
