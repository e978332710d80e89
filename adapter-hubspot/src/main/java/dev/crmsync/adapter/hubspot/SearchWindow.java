package dev.crmsync.adapter.hubspot;

/**
 * Where a contact backfill stands, as the page cursor it hands out: the time window being read
 * ({@code lastmodifieddate} from {@code from} inclusive to {@code to} exclusive, epoch milliseconds), the
 * search's {@code after} within it (null on its first page), and {@code end}, the instant the backfill
 * reads up to (its start, so records changed meanwhile are live traffic's). Text form
 * {@code from:to:end:after}.
 */
record SearchWindow(long from, long to, long end, String after) {
    SearchWindow {
        if (from < 0 || to <= from || end < to) {
            throw new IllegalArgumentException("a search window needs 0 <= from < to <= end, found " + from + ", "
                    + to + ", " + end);
        }
    }

    static SearchWindow first(long from, long end) {
        return new SearchWindow(from, Math.max(end, from + 1), Math.max(end, from + 1), null);
    }

    /**
     * @throws IllegalArgumentException when the text is not a cursor this source handed out
     */
    static SearchWindow parse(String cursor) {
        String[] parts = cursor.split(":", 4);
        try {
            if (parts.length != 4) {
                throw new NumberFormatException("expected 4 parts");
            }
            return new SearchWindow(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                    parts[3].isEmpty() ? null : parts[3]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a HubSpot contacts cursor 'from:to:end:after', found '"
                    + cursor + "'", e);
        }
    }

    boolean isFirstPage() {
        return after == null;
    }

    boolean canHalve() {
        return to - from > 1;
    }

    /** The first half of this window, which a search too large for HubSpot's cap reads instead. */
    SearchWindow firstHalf() {
        return new SearchWindow(from, from + (to - from) / 2, end, null);
    }

    SearchWindow nextPage(String nextAfter) {
        return new SearchWindow(from, to, end, nextAfter);
    }

    /** The window after this one, twice as long (a window that had to be halved grows back), or null at the end. */
    SearchWindow next() {
        if (to >= end) {
            return null;
        }
        long length = Math.max(1, (to - from) * 2);
        return new SearchWindow(to, Math.min(end, to + length), end, null);
    }

    String text() {
        return from + ":" + to + ":" + end + ":" + (after == null ? "" : after);
    }
}
