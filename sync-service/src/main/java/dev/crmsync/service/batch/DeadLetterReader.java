package dev.crmsync.service.batch;

import dev.crmsync.service.persistence.DeadLetterRepository;
import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the ids of open dead letters matching the filter, in id order, by keyset pages. The last id
 * handed over is saved with each chunk, so a restart continues after it. Stores the total at open, for
 * progress.
 */
public class DeadLetterReader implements ItemStreamReader<Long> {
    static final String TOTAL = "reader.total";
    private static final String LAST = "reader.last-id";
    private static final int PAGE = 100;

    private final DeadLetterRepository deadLetters;
    private final DeadLetterRepository.Filter filter;
    private final Deque<Long> page = new ArrayDeque<>();
    private long lastId;
    private boolean exhausted;

    public DeadLetterReader(DeadLetterRepository deadLetters, DeadLetterRepository.Filter filter) {
        this.deadLetters = deadLetters;
        this.filter = filter;
    }

    @Override
    public void open(ExecutionContext context) {
        lastId = context.containsKey(LAST) ? context.getLong(LAST) : 0L;
        if (!context.containsKey(TOTAL)) {
            context.putLong(TOTAL, deadLetters.countOpen(filter));
        }
        page.clear();
        exhausted = false;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(LAST, lastId);
    }

    @Override
    public Long read() {
        if (page.isEmpty() && !exhausted) {
            page.addAll(deadLetters.openIds(filter, lastId, PAGE));
            exhausted = page.size() < PAGE;
        }
        Long next = page.poll();
        if (next != null) {
            lastId = next;
        }
        return next;
    }
}
