package dev.crmsync.adapter.instantly;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Walks cursor-paged results for each of several scopes (campaign ids; a single null for "all"),
 * fetching the next page only when the current one is used up. Not thread-safe.
 */
final class PagingIterator<T> implements Iterator<T> {

    /** Fetches one page of a scope, after the cursor (null: the first page). */
    @FunctionalInterface
    interface PageSource<T> {
        InstantlyPage<T> page(String scope, String startingAfter);
    }

    private final List<String> scopes;
    private final PageSource<T> source;
    private int scope;
    private Iterator<T> current = Collections.emptyIterator();
    private String cursor;
    private boolean scopeDone = true;

    PagingIterator(List<String> scopes, PageSource<T> source) {
        this.scopes = scopes;
        this.source = source;
        this.scope = -1;
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext()) {
            if (scopeDone) {
                if (scope + 1 >= scopes.size()) {
                    return false;
                }
                scope++;
                cursor = null;
            }
            InstantlyPage<T> page = source.page(scopes.get(scope), cursor);
            current = page.items().iterator();
            scopeDone = !page.hasMorePages() || page.nextStartingAfter().equals(cursor);
            cursor = page.nextStartingAfter();
        }
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more Instantly items");
        }
        return current.next();
    }
}
