package dev.crmsync.core.spi;

import dev.crmsync.core.model.CanonicalChange;
import java.util.List;

/** The result of translating a stored event: canonical changes, or the reason it was not understood (it stays stored and visible). */
public sealed interface Translation permits Translation.Translated, Translation.Unrecognized {

    static Translation of(List<CanonicalChange> changes) {
        return new Translated(changes);
    }

    static Translation unrecognized(String reason) {
        return new Unrecognized(reason);
    }

    record Translated(List<CanonicalChange> changes) implements Translation {
        public Translated {
            changes = List.copyOf(changes);
        }
    }

    record Unrecognized(String reason) implements Translation {
    }
}
