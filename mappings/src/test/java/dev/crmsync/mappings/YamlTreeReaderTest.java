package dev.crmsync.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlTreeReaderTest {
    private final List<MappingProblem> problems = new ArrayList<>();

    @Test
    void marksPointAtKeysAndListItems() {
        YamlTree tree = YamlTreeReader.read("f.yaml", """
                # comment
                a:
                  b: [x, y]
                  c:
                    - d: 1
                """, problems);

        assertThat(tree.mark("")).isEqualTo(new YamlMark(2, 1, ""));
        assertThat(tree.mark("/a/b")).isEqualTo(new YamlMark(3, 3, "a.b"));
        assertThat(tree.mark("/a/b/1")).isEqualTo(new YamlMark(3, 10, "a.b[1]"));
        assertThat(tree.mark("/a/c/0/d")).isEqualTo(new YamlMark(5, 7, "a.c[0].d"));
        assertThat(tree.mark("/a/c/0/nothing-here")).as("nearest written ancestor").isEqualTo(new YamlMark(5, 7, "a.c[0]"));
        assertThat(problems).isEmpty();
    }

    @Test
    void duplicateKeyInANestedBlockIsReportedAndTheFirstValueKept() {
        YamlTree tree = YamlTreeReader.read("f.yaml", """
                a:
                  b: 1
                  c: 2
                  b: 3
                """, problems);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p).extracting(MappingProblem::line, MappingProblem::column, MappingProblem::keyPath)
                    .containsExactly(4, 3, "a.b");
            assertThat(p.message()).contains("duplicate key 'b'", "first written at line 2");
        });
        assertThat(tree.text("/a/b")).isEqualTo("1");
    }

    @Test
    void sameKeyInDifferentBlocksIsNoDuplicate() {
        YamlTreeReader.read("f.yaml", "a: { set: 1 }\nb: { set: 2 }\n", problems);

        assertThat(problems).isEmpty();
    }

    @Test
    void aliasIsRejectedBecauseOneLineWouldStandForSeveralPlaces() {
        YamlTreeReader.read("f.yaml", "a: &x { k: v }\nb: *x\n", problems);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p).extracting(MappingProblem::line, MappingProblem::keyPath).containsExactly(2, "b");
            assertThat(p.message()).contains("alias '*x'", "anchors and aliases are not supported");
        });
    }

    @Test
    void secondDocumentIsRejected() {
        YamlTreeReader.read("f.yaml", "a: 1\n---\nb: 2\n", problems);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("a second YAML document");
        });
    }

    @Test
    void emptyFileIsAnError() {
        MappingException error = catchThrowableOfType(MappingException.class,
                () -> YamlTreeReader.read("f.yaml", "# nothing but a comment\n", problems));

        assertThat(error.getMessage()).isEqualTo("f.yaml:1:1: the file is empty (expected a mapping with version, systems and statuses)");
    }

    @Test
    void syntaxErrorStopsReadingWithTheParsersPosition() {
        MappingException error = catchThrowableOfType(MappingException.class,
                () -> YamlTreeReader.read("f.yaml", "a:\n  b: 1\n c: 2\n", problems));

        assertThat(error.problems()).singleElement().satisfies(p -> {
            assertThat(p).extracting(MappingProblem::line, MappingProblem::column).containsExactly(3, 2);
            assertThat(p.message()).startsWith("invalid YAML: ").contains("block mapping that starts at line 1");
        });
    }
}
