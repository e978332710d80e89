package dev.crmsync.service.persistence;

import dev.crmsync.core.spi.ParsedEvent;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The events of one webhook request, waiting for a group commit; completed once they are durable. */
record InboundSubmission(String source, List<ParsedEvent> events, String authMethod, Instant receivedAt,
                         CompletableFuture<List<StoredEvent>> done) {
}
