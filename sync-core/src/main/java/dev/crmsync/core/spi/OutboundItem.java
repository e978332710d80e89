package dev.crmsync.core.spi;

import dev.crmsync.core.model.Command;
import java.util.Objects;

/**
 * One command handed to a {@link CommandWriter}.
 *
 * @param key     the dispatcher's handle for this item; outcomes are reported under it
 * @param command what to write (upserts already coalesced per person)
 * @param attempt 0 on the first try; above 0 the previous outcome may be unknown (a timeout), so
 *                a writer of non-idempotent records checks before it creates
 */
public record OutboundItem(String key, Command command, int attempt) {
    public OutboundItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(command, "command");
    }
}
