package dev.crmsync.service.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.model.Activity;
import dev.crmsync.core.model.Command;
import dev.crmsync.core.model.Identity;
import dev.crmsync.core.model.SystemId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox codec reads and writes instants without Jackson's formatter; commands already in an
 * outbox, written by Jackson's own, must read back the same, and new ones must be the same text.
 */
class CommandCodecTest {
    private static final JsonMapper JACKSON = JsonMapper.builder().build();
    private final CommandCodec codec = new CommandCodec();

    private static List<Command> commands() {
        Identity ann = Identity.ofEmail("ann@codec.example");
        return List.of(
                new Command.Upsert(SystemId.of("hubspot"), ann, Map.of("lifecyclestage", "lead"),
                        Instant.parse("2026-11-24T10:00:00Z")),
                new Command.Upsert(SystemId.of("hubspot"), ann, Map.of("hs_lead_status", "CONNECTED"),
                        Instant.parse("2026-11-24T10:00:00.120Z")),
                new Command.AddActivity(SystemId.of("hubspot"), ann, new Activity("note", "instantly:reply:r-1",
                        "Reply", "Let's talk", Instant.parse("1999-12-31T23:59:59.000000001Z"), Map.of())));
    }

    @Test
    void commandsWrittenBeforeTheUpgradeReadTheSame() {
        for (Command command : commands()) {
            assertThat(codec.read(JACKSON.writeValueAsString(command))).isEqualTo(command);
        }
    }

    @Test
    void commandsAreWrittenAsJacksonWroteThem() {
        for (Command command : commands()) {
            assertThat(codec.write(command)).isEqualTo(JACKSON.writeValueAsString(command));
        }
    }

    @Test
    void anInstantStoredAsEpochSecondsStillReads() {
        String stored = JACKSON.writeValueAsString(commands().get(0)).replace("\"2026-11-24T10:00:00Z\"", "1795514400");
        assertThat(stored).contains(":1795514400");
        assertThat(((Command.Upsert) codec.read(stored)).observedAt()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
    }
}
