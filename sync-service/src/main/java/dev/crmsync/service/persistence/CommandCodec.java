package dev.crmsync.service.persistence;

import dev.crmsync.core.model.Command;
import tools.jackson.databind.json.JsonMapper;

/** Commands as the outbox stores them: JSON, with {@code kind} naming the variant. */
public final class CommandCodec {
    private final JsonMapper json = JsonMapper.builder().build();

    public String write(Command command) {
        return json.writeValueAsString(command);
    }

    public Command read(String payload) {
        return json.readValue(payload, Command.class);
    }
}
