package dev.crmsync.service.batch;

import dev.crmsync.core.spi.ParsedEvent;
import dev.crmsync.core.spi.RecordSource;
import dev.crmsync.core.spi.TransientAdapterException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the records of one or more systems' {@link RecordSource}s, one system after the other, page by
 * page. Its position (which system, the cursor of the page being read, and how far into it) is saved
 * with every committed chunk, so a restarted job re-reads the page it was in and skips what it had
 * already handed over: nothing committed is read twice, nothing is missed.
 */
public class RecordSourceReader implements ItemStreamReader<SourcedRecord> {
    private static final Logger log = LoggerFactory.getLogger(RecordSourceReader.class);
    private static final String SOURCE = "reader.source";
    private static final String CURSOR = "reader.cursor";
    private static final String OFFSET = "reader.offset";
    private static final int TRIES = 6;

    private final List<Map.Entry<String, RecordSource>> sources;
    private final RecordSource.Query query;
    private final Predicate<String> wanted;
    private int source;
    private String cursor;
    private int offset;
    private RecordSource.Page page;

    /**
     * @param sources system id and record source, read in this order
     * @param wanted  which e-mails to hand over (records of others are passed by, uncounted)
     */
    public RecordSourceReader(List<Map.Entry<String, RecordSource>> sources, RecordSource.Query query,
                              Predicate<String> wanted) {
        this.sources = List.copyOf(sources);
        this.query = query;
        this.wanted = wanted;
    }

    @Override
    public void open(ExecutionContext context) {
        source = context.containsKey(SOURCE) ? context.getInt(SOURCE) : 0;
        cursor = context.containsKey(CURSOR) ? context.getString(CURSOR) : null;
        cursor = cursor == null || cursor.isEmpty() ? null : cursor;
        offset = context.containsKey(OFFSET) ? context.getInt(OFFSET) : 0;
        page = null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(SOURCE, source);
        context.putString(CURSOR, cursor == null ? "" : cursor);
        context.putInt(OFFSET, offset);
    }

    @Override
    public SourcedRecord read() {
        while (source < sources.size()) {
            if (page == null) {
                page = fetch();
            }
            if (offset < page.records().size()) {
                ParsedEvent record = page.records().get(offset++);
                if (record.email() != null && wanted.test(record.email())) {
                    return new SourcedRecord(sources.get(source).getKey(), record);
                }
                continue;
            }
            if (page.last()) {
                source++;
                cursor = null;
            } else {
                cursor = page.nextCursor();
            }
            offset = 0;
            page = null;
        }
        return null;
    }

    private RecordSource.Page fetch() {
        Map.Entry<String, RecordSource> current = sources.get(source);
        for (int attempt = 1; ; attempt++) {
            try {
                RecordSource.Page fetched = current.getValue().page(query, cursor);
                log.debug("{}: read a page of {} records", current.getKey(), fetched.records().size());
                return fetched;
            } catch (TransientAdapterException e) {
                if (attempt >= TRIES) {
                    throw e;
                }
                Duration wait = e.retryAfter().orElse(Duration.ofMillis(500L << attempt));
                log.info("{}: page read failed (attempt {} of {}), retrying in {} ms: {}", current.getKey(), attempt,
                        TRIES, wait.toMillis(), e.getMessage());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
