package dev.crmsync.core.mapping;

import java.util.List;
import java.util.Objects;

/**
 * How one field of one system accepts new values. Fields without a rule are latest-wins: the value
 * observed last is kept, whatever order changes arrive in.
 *
 * @param field the field (property) name in the target
 * @param order for a forward-only field, its values from first to last stage (HubSpot's lifecycle
 *              stage): a value behind the current one is never written, so the result does not
 *              depend on delivery order
 */
public record FieldRule(String field, List<String> order) {

    public FieldRule {
        Objects.requireNonNull(field, "field");
        order = List.copyOf(order);
    }

    public static FieldRule forwardOnly(String field, List<String> order) {
        return new FieldRule(field, order);
    }

    public boolean isForwardOnly() {
        return !order.isEmpty();
    }

    /** Position of a value in the order, or -1 for a value the order does not list. */
    public int rank(String value) {
        return order.indexOf(value);
    }
}
