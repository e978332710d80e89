package dev.crmsync.adapter.instantly;

import dev.crmsync.core.spi.AdapterException;
import dev.crmsync.core.spi.WriteOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * One outbound item during one {@code write}: what it asks for, what was done for it so far, and its
 * first failure. Mutable, confined to the writing thread.
 */
final class WriteItem {
    private final String key;
    private final String email;
    private final InstantlyUpdate update;
    private final List<String> done = new ArrayList<>();
    private AdapterException failure;
    private String leadId;

    WriteItem(String key, String email, InstantlyUpdate update) {
        this.key = key;
        this.email = email;
        this.update = update;
    }

    static WriteItem failed(String key, String email, AdapterException failure) {
        WriteItem item = new WriteItem(key, email, null);
        item.fail(failure);
        return item;
    }

    String key() {
        return key;
    }

    String email() {
        return email;
    }

    InstantlyUpdate update() {
        return update;
    }

    boolean isOpen() {
        return failure == null;
    }

    /** Keeps the first failure: a later one is usually a consequence of it. */
    void fail(AdapterException error) {
        if (failure == null) {
            failure = error;
        }
    }

    void did(String detail) {
        done.add(detail);
    }

    void knowLead(String id) {
        if (leadId == null) {
            leadId = id;
        }
    }

    WriteOutcome outcome() {
        if (failure != null) {
            return WriteOutcome.failed(failure);
        }
        return WriteOutcome.written(leadId, done.isEmpty() ? "nothing to change" : String.join("; ", done));
    }
}
