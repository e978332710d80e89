package dev.crmsync.adapter.salesforce;

import dev.crmsync.core.spi.WriteResult;
import java.util.ArrayList;
import java.util.List;

/** The calls one write made, for the trace and metrics. Used by one thread at a time. */
final class CallLog {
    private final List<WriteResult.Call> calls = new ArrayList<>();

    void add(String operation, int status, int items, long millis) {
        calls.add(new WriteResult.Call(operation, status, items, millis));
    }

    List<WriteResult.Call> calls() {
        return List.copyOf(calls);
    }
}
