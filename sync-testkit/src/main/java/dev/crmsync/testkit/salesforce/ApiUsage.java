package dev.crmsync.testkit.salesforce;

/**
 * The org's daily API request budget (Salesforce's rolling 24 hours, kept here as one counter a test sets):
 * each admitted SOAP call counts one; a call beyond the limit is refused with {@code REQUEST_LIMIT_EXCEEDED}.
 * Thread-safe.
 */
final class ApiUsage {
    static final long DEFAULT_LIMIT = 15_000;

    private long used;
    private long limit = DEFAULT_LIMIT;

    record Snapshot(long used, long limit) {
        /** The {@code Sforce-Limit-Info} header value, e.g. {@code api-usage=25/15000}. */
        String header() {
            return "api-usage=" + used + "/" + limit;
        }
    }

    /** Counts one call if the budget allows it; false when it is spent. */
    synchronized boolean admit() {
        if (used >= limit) {
            return false;
        }
        used++;
        return true;
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(used, limit);
    }

    synchronized void setLimit(long limit) {
        this.limit = limit;
    }

    synchronized void setUsed(long used) {
        this.used = used;
    }
}
