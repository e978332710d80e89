package dev.crmsync.adapter.instantly;

import java.util.List;

/**
 * One page of an Instantly list call. Instantly pages with an opaque cursor: pass
 * {@link #nextStartingAfter()} as the next call's {@code starting_after}.
 *
 * @param items             the page's items, in Instantly's order (by id, ascending)
 * @param nextStartingAfter the cursor of the next page, or null when Instantly named none
 * @param <T>               the item type
 */
public record InstantlyPage<T>(List<T> items, String nextStartingAfter) {
    public InstantlyPage {
        items = List.copyOf(items);
        nextStartingAfter = nextStartingAfter == null || nextStartingAfter.isBlank() ? null : nextStartingAfter;
    }

    /**
     * Whether another page may follow. An empty page ends the walk even with a cursor, so a service
     * that repeats its last cursor cannot loop a caller forever.
     */
    public boolean hasMorePages() {
        return nextStartingAfter != null && !items.isEmpty();
    }
}
