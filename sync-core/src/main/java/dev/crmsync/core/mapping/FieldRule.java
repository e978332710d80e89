package dev.crmsync.core.mapping;

import java.util.List;
import java.util.Objects;

/**
 * How one field of one system accepts new values. Fields without a rule are latest-wins: the value
 * observed last is kept, whatever order changes arrive in.
 *
 * @param field the field (property) name in the target
 * @param order         for a forward-only field, its values from first to last stage (HubSpot's lifecycle
 *                      stage): a value behind the current one is never written, so the result does not
 *                      depend on delivery order
 * @param clearsToMoveBack the mapping asks for backward moves ({@code move-back: clear-first}): a value
 *                      behind the current one that is newer than it is written after all, the way a
 *                      target that only moves forward documents (HubSpot: clear the field in one request,
 *                      set it in a second); an older one is still dropped
 */
public record FieldRule(String field, List<String> order, boolean clearsToMoveBack) {

    public FieldRule {
        Objects.requireNonNull(field, "field");
        order = List.copyOf(order);
        if (clearsToMoveBack && order.isEmpty()) {
            throw new IllegalArgumentException("move-back needs a forward-only order for " + field);
        }
    }

    public static FieldRule forwardOnly(String field, List<String> order) {
        return new FieldRule(field, order, false);
    }

    /** A forward-only field that the mapping lets move back, by clearing it first. */
    public static FieldRule movingBackByClearing(String field, List<String> order) {
        return new FieldRule(field, order, true);
    }

    /** Whether writing {@code value} over {@code current} moves a forward-only field back. */
    public boolean isBackward(String current, String value) {
        return isForwardOnly() && current != null && !current.isEmpty() && rank(value) < rank(current);
    }

    public boolean isForwardOnly() {
        return !order.isEmpty();
    }

    /** Position of a value in the order, or -1 for a value the order does not list. */
    public int rank(String value) {
        return order.indexOf(value);
    }
}
