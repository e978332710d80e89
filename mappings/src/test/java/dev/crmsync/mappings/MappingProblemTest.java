package dev.crmsync.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class MappingProblemTest {

    @Test
    void rendersLikeACompilerMessage() {
        MappingProblem problem = new MappingProblem("m.yaml", 7, 5, "statuses.x.hubspt", "unknown system 'hubspt' (expected ...)");

        assertThat(problem).hasToString("m.yaml:7:5: statuses.x.hubspt: unknown system 'hubspt' (expected ...)");
    }

    @Test
    void topLevelProblemHasNoKeyPath() {
        assertThat(new MappingProblem("m.yaml", 2, 1, "", "missing required key 'statuses'"))
                .hasToString("m.yaml:2:1: missing required key 'statuses'");
    }

    @Test
    void wholeFileProblemHasNoPosition() {
        assertThat(new MappingProblem("m.yaml", 0, 0, "", "no such file")).hasToString("m.yaml: no such file");
    }

    @Test
    void exceptionListsEveryProblemOnItsOwnLine() {
        MappingException error = new MappingException(List.of(
                new MappingProblem("m.yaml", 1, 1, "version", "a"), new MappingProblem("m.yaml", 3, 1, "extra", "b")));

        assertThat(error.getMessage()).isEqualTo("m.yaml:1:1: version: a\nm.yaml:3:1: extra: b");
        assertThat(error.problems()).hasSize(2);
    }

    @Test
    void exceptionWithoutProblemsIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MappingException(List.of()));
    }
}
