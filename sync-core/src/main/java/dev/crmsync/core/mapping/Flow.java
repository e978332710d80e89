package dev.crmsync.core.mapping;

import dev.crmsync.core.model.SystemId;
import java.util.Objects;

/**
 * One permitted direction for a field group's values, written {@code instantly->hubspot} in the
 * mapping file: changes observed in {@code from} may be written to {@code to}.
 */
public record Flow(SystemId from, SystemId to) {
    private static final String ARROW = "->";

    public Flow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new IllegalArgumentException("a flow needs two different systems, found " + from + ARROW + to);
        }
    }

    /** Reads {@code a->b} (blanks around the arrow allowed). */
    public static Flow parse(String text) {
        int arrow = text.indexOf(ARROW);
        if (arrow < 0) {
            throw new IllegalArgumentException("a flow is written from->to, found '" + text + "'");
        }
        return new Flow(SystemId.of(text.substring(0, arrow).strip()), SystemId.of(text.substring(arrow + 2).strip()));
    }

    @Override
    public String toString() {
        return from + ARROW + to;
    }
}
