package dev.crmsync.service.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of a target's pending commands one claim takes, given each person's pending commands in id
 * order: per person, the due commands before the first that is not due (leased or backing off), so a
 * person's writes go out in the order they were planned. Backfill commands are taken when backfill is
 * allowed, and otherwise only when older than a pending live command of the same person (promoted, so
 * the live one cannot overtake them).
 */
final class ClaimPlan {
    /** One pending command: its id, its class ({@link OutboxWriter#LIVE} or a backfill class), and whether it is due. */
    record Row(long id, int priority, boolean due) {
    }

    private ClaimPlan() {
    }

    /**
     * @param people  whose commands to consider, in the order they should be served
     * @param pending each person's pending commands, in id order
     * @param limit   at most this many commands in all; a person's commands may be cut short by it
     * @return per person (in the order served), the commands to claim, in id order
     */
    static Map<String, List<Row>> choose(List<String> people, Map<String, List<Row>> pending, boolean includeBackfill,
                                         int limit) {
        Map<String, List<Row>> chosen = new LinkedHashMap<>();
        int count = 0;
        for (String person : people) {
            List<Row> rows = pending.getOrDefault(person, List.of());
            long newestLive = rows.stream().filter(r -> r.priority() == OutboxWriter.LIVE).mapToLong(Row::id)
                    .max().orElse(Long.MIN_VALUE);
            List<Row> taken = new ArrayList<>();
            for (Row row : rows) {
                boolean allowed = row.priority() == OutboxWriter.LIVE || includeBackfill || row.id() < newestLive;
                if (count == limit || !row.due() || !allowed) {
                    break;
                }
                taken.add(row);
                count++;
            }
            if (!taken.isEmpty()) {
                chosen.put(person, taken);
            }
            if (count == limit) {
                break;
            }
        }
        return chosen;
    }
}
