package dev.crmsync.adapter.instantly;

import dev.crmsync.core.spi.WriteResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP calls of one {@code write}, in order, for {@link WriteResult#calls()}. Not thread-safe:
 * one per write. {@link #discarding()} is the sink for callers that do not report calls.
 */
final class CallLog {
    private final List<WriteResult.Call> calls = new ArrayList<>();
    private final boolean keeping;

    private CallLog(boolean keeping) {
        this.keeping = keeping;
    }

    static CallLog recording() {
        return new CallLog(true);
    }

    static CallLog discarding() {
        return new CallLog(false);
    }

    void record(String operation, int status, int items, long millis) {
        if (keeping) {
            calls.add(new WriteResult.Call(operation, status, items, millis));
        }
    }

    /** The latest call, or null when none was recorded. */
    WriteResult.Call last() {
        return calls.isEmpty() ? null : calls.get(calls.size() - 1);
    }

    List<WriteResult.Call> calls() {
        return List.copyOf(calls);
    }
}
