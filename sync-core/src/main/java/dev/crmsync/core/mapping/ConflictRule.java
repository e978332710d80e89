package dev.crmsync.core.mapping;

import dev.crmsync.core.model.SystemId;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How a field group settles two systems writing the same field: the newest observation wins, or
 * a fixed order of systems does. Applied by the field guard whenever a field's current value came
 * from a different system than the change at hand.
 */
public sealed interface ConflictRule permits ConflictRule.LatestWins, ConflictRule.Priority {

    static ConflictRule latestWins() {
        return new LatestWins();
    }

    static ConflictRule priority(List<SystemId> order) {
        return new Priority(order);
    }

    /** The value observed last wins, whichever system it came from (at the same instant, the larger value). */
    record LatestWins() implements ConflictRule {
        @Override
        public String toString() {
            return "latest-wins";
        }
    }

    /**
     * A value from a system earlier in {@code order} is never overwritten by one from a system later
     * in it (or not in it at all), whatever their times; values from one system replace each other
     * newest-first as usual.
     */
    record Priority(List<SystemId> order) implements ConflictRule {
        public Priority {
            order = List.copyOf(order);
            if (order.isEmpty()) {
                throw new IllegalArgumentException("a priority needs at least one system");
            }
        }

        /** Position in the order, lower is stronger; systems not listed rank after every listed one. */
        public int rank(SystemId system) {
            int index = order.indexOf(Objects.requireNonNull(system, "system"));
            return index < 0 ? order.size() : index;
        }

        @Override
        public String toString() {
            return order.stream().map(SystemId::value).collect(Collectors.joining(", ", "priority: [", "]"));
        }
    }
}
