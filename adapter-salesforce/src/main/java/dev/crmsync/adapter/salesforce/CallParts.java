package dev.crmsync.adapter.salesforce;

import dev.crmsync.core.spi.AdapterException;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One write's calls, each of at most a batch of records (Salesforce takes 200 per create, update or upsert).
 * Once a call fails, no further call of the write is made: the records of that call and of every later one take
 * its error, so the calls made before it keep their results and the rest is retried (or dead-lettered, for an
 * error that would refuse them all).
 */
final class CallParts {
    private final int batchSize;
    private AdapterException failure;

    CallParts(int batchSize) {
        this.batchSize = batchSize;
    }

    /** Calls {@code call} with each part of {@code records} in order, or {@code failed} with the error that stopped them. */
    <T> void send(List<T> records, Consumer<List<T>> call, BiConsumer<List<T>, AdapterException> failed) {
        for (int from = 0; from < records.size(); from += batchSize) {
            List<T> part = records.subList(from, Math.min(records.size(), from + batchSize));
            if (failure == null) {
                try {
                    call.accept(part);
                    continue;
                } catch (AdapterException e) {
                    failure = e;
                }
            }
            failed.accept(part, failure);
        }
    }
}
