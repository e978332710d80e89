package dev.crmsync.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MappingValidateCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void validFileSaysOkAndExitsZero() {
        int status = run("default.yaml");

        assertThat(status).isZero();
        assertThat(text(out)).isEqualTo("OK default.yaml\n");
        assertThat(text(err)).isEmpty();
    }

    @Test
    void invalidFileListsItsProblemsOnStderrAndExitsOne() {
        String bad = MappingMistakesTest.resource("unknown-system.yaml").toString();

        int status = run("default.yaml", bad);

        assertThat(status).isEqualTo(1);
        assertThat(text(out)).isEqualTo("OK default.yaml\n");
        assertThat(text(err)).startsWith(bad + ":7:5: statuses.interested.hubspt: unknown system 'hubspt'");
    }

    @Test
    void noFileIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(text(err)).startsWith("usage: validate");
    }

    private int run(String... args) {
        return MappingValidateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
