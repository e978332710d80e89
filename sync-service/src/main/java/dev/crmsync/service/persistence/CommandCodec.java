package dev.crmsync.service.persistence;

import dev.crmsync.core.model.Command;
import dev.crmsync.core.model.IsoInstant;
import java.time.Instant;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Commands as the outbox stores them: JSON, with {@code kind} naming the variant. Instants are the same
 * ISO text Jackson writes, read and written with {@link IsoInstant}: Jackson's formatter was a third of
 * the dispatchers' decoding of claimed commands. Anything not a string goes to Jackson's own reader.
 */
public final class CommandCodec {
    private final JsonMapper json = JsonMapper.builder()
            .addModule(new SimpleModule("iso-instants")
                    .addSerializer(Instant.class, new ValueSerializer<>() {
                        @Override
                        public void serialize(Instant value, JsonGenerator out, SerializationContext context) {
                            out.writeString(IsoInstant.format(value));
                        }
                    })
                    .addDeserializer(Instant.class, new ValueDeserializer<>() {
                        @Override
                        public Instant deserialize(JsonParser in, DeserializationContext context) {
                            if (in.hasToken(JsonToken.VALUE_STRING)) {
                                Instant usual = IsoInstant.parseUsual(in.getString());
                                if (usual != null) {
                                    return usual;
                                }
                            }
                            return InstantDeserializer.INSTANT.deserialize(in, context);
                        }
                    }))
            .build();

    public String write(Command command) {
        return json.writeValueAsString(command);
    }

    public Command read(String payload) {
        return json.readValue(payload, Command.class);
    }
}
