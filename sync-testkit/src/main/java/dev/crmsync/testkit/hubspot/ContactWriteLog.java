package dev.crmsync.testkit.hubspot;

import java.util.ArrayList;
import java.util.List;

/** Every contact input the API applied, in order, numbered by request ({@link ContactWrite}). Thread-safe. */
final class ContactWriteLog {
    private final List<ContactWrite> writes = new ArrayList<>();
    private long requests;

    /** The inputs of one {@code contacts/batch/upsert} request. */
    synchronized void record(List<CrmStore.Upserted> upserted) {
        long request = ++requests;
        for (CrmStore.Upserted write : upserted) {
            writes.add(new ContactWrite(request, write.contact().properties().get("email"), write.requested(),
                    write.changed(), write.contact().updatedAt()));
        }
    }

    synchronized List<ContactWrite> all() {
        return List.copyOf(writes);
    }

    synchronized void clear() {
        writes.clear();
    }
}
