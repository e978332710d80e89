package dev.crmsync.service.wiring;

import dev.crmsync.core.mapping.Mapping;
import dev.crmsync.mappings.MappingException;
import dev.crmsync.mappings.MappingLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mapping in force. Loaded once at start-up (a bad file stops start-up); {@link #reload()} reads
 * the file again and swaps it in only when it is valid, so a bad edit never replaces a good mapping.
 * Workers read {@link #current()} once per batch.
 */
public final class MappingHolder {
    private static final Logger log = LoggerFactory.getLogger(MappingHolder.class);

    private final MappingLoader loader = new MappingLoader();
    private final String file;
    private final AtomicReference<Mapping> current = new AtomicReference<>();
    private final List<Consumer<Mapping>> listeners = new CopyOnWriteArrayList<>();

    /** @param file the mapping file, or null/blank for the packaged default */
    public MappingHolder(String file) {
        this.file = file == null || file.isBlank() ? null : file;
        current.set(load());
        log.info("Mapping loaded from {}: {} statuses, {} activity rules, {} suppression rules", current.get().origin(),
                current.get().statuses().size(), current.get().activities().size(), current.get().suppressions().size());
    }

    public Mapping current() {
        return current.get();
    }

    /** Tells {@code listener} the mapping in force now, and every mapping a reload swaps in from now on. */
    public void onLoad(Consumer<Mapping> listener) {
        listeners.add(listener);
        listener.accept(current.get());
    }

    /**
     * Reads the file again.
     *
     * @throws MappingException listing every problem; the mapping in force stays as it was
     */
    public Mapping reload() {
        Mapping next = load();
        current.set(next);
        listeners.forEach(listener -> listener.accept(next));
        log.info("Mapping reloaded from {}", next.origin());
        return next;
    }

    /** Checks a mapping text without using it. */
    public Mapping validate(String origin, String yaml) {
        return loader.parse(origin, yaml);
    }

    private Mapping load() {
        return file == null ? loader.loadDefault() : loader.load(Path.of(file));
    }
}
