package dev.crmsync.service.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.service.persistence.ClaimPlan.Row;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimPlanTest {
    private static final int LIVE = OutboxWriter.LIVE;
    private static final int BACKFILL = OutboxWriter.BACKFILL;

    @Test
    void aPersonsCommandsStopAtTheFirstOneStillLeasedOrBackingOff() {
        // given: ann's second command is in flight elsewhere; her third must not overtake it
        Map<String, List<Row>> pending = Map.of("ann", List.of(new Row(1, LIVE, true), new Row(2, LIVE, false),
                new Row(3, LIVE, true)));

        // when
        Map<String, List<Row>> chosen = ClaimPlan.choose(List.of("ann"), pending, true, 100);

        // then
        assertThat(ids(chosen, "ann")).containsExactly(1L);
    }

    @Test
    void backfillOlderThanALiveCommandGoesWithItEvenWhenBackfillMustWait() {
        // given: the budget has no room for backfill, but bob's live change is newer than his backfilled record
        Map<String, List<Row>> pending = Map.of("bob", List.of(new Row(5, BACKFILL, true), new Row(9, LIVE, true),
                new Row(12, BACKFILL, true)));

        // when
        Map<String, List<Row>> chosen = ClaimPlan.choose(List.of("bob"), pending, false, 100);

        // then: the older backfill is promoted so the live one cannot overtake it; the newer one waits
        assertThat(ids(chosen, "bob")).containsExactly(5L, 9L);
    }

    @Test
    void withRoomForBackfillAPersonsWholeDuePrefixIsTaken() {
        Map<String, List<Row>> pending = Map.of("bob", List.of(new Row(5, BACKFILL, true), new Row(9, LIVE, true),
                new Row(12, BACKFILL, true)));

        assertThat(ids(ClaimPlan.choose(List.of("bob"), pending, true, 100), "bob")).containsExactly(5L, 9L, 12L);
    }

    @Test
    void theLimitCutsAcrossPeopleInTheOrderTheyAreServed() {
        // given
        Map<String, List<Row>> pending = Map.of(
                "ann", List.of(new Row(1, LIVE, true), new Row(4, LIVE, true)),
                "bob", List.of(new Row(2, LIVE, true), new Row(3, LIVE, true)));

        // when: room for three
        Map<String, List<Row>> chosen = ClaimPlan.choose(List.of("ann", "bob"), pending, true, 3);

        // then: ann whole, bob's oldest only; his next one waits for a later round
        assertThat(chosen.keySet()).containsExactly("ann", "bob");
        assertThat(ids(chosen, "ann")).containsExactly(1L, 4L);
        assertThat(ids(chosen, "bob")).containsExactly(2L);
    }

    @Test
    void aPersonWithNothingDueIsLeftOut() {
        Map<String, List<Row>> pending = Map.of("ann", List.of(new Row(1, LIVE, false)));

        assertThat(ClaimPlan.choose(List.of("ann", "nobody"), pending, true, 10)).isEmpty();
    }

    private static List<Long> ids(Map<String, List<Row>> chosen, String person) {
        return chosen.getOrDefault(person, List.of()).stream().map(Row::id).toList();
    }
}
