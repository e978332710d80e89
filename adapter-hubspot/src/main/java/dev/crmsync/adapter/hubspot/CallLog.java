package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.spi.WriteResult;
import java.util.ArrayList;
import java.util.List;

/** The HTTP calls of one {@code write}, in order, for {@link WriteResult#calls()}. Not thread-safe: one per write. */
final class CallLog {
    private final List<WriteResult.Call> calls = new ArrayList<>();

    void record(String operation, int status, int items, long millis) {
        calls.add(new WriteResult.Call(operation, status, items, millis));
    }

    List<WriteResult.Call> calls() {
        return List.copyOf(calls);
    }
}
