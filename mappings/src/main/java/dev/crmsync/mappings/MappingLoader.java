package dev.crmsync.mappings;

import dev.crmsync.core.mapping.Mapping;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a mapping file (format version 1, see {@code docs/mappings.md}) into the core's {@link Mapping}.
 *
 * <p>Every file goes through the same steps, and each step reports all it finds before the next runs:
 * YAML syntax (stops at the first error, as there is no tree after it); duplicate keys; the JSON Schema
 * {@code mapping.schema.json}; then the cross-references the schema cannot express. Any problem ends in
 * a {@link MappingException} listing them all, each with file, line, column and key.
 *
 * <p>Immutable and thread-safe; building one loads the schema, so keep it.
 */
public final class MappingLoader {
    /** The mapping packaged in the jar, used when no file is configured ({@code mappings/default.yaml} in the source tree). */
    public static final String DEFAULT_RESOURCE = "mappings/default.yaml";

    private final MappingSchema schema = new MappingSchema();
    private final MappingValidator validator = new MappingValidator();

    /**
     * @throws MappingException when the file cannot be read or is not a valid mapping
     */
    public Mapping load(Path file) {
        String origin = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw MappingException.of(new MappingProblem(origin, 0, 0, "", "no such file (expected a mapping file at this path)"));
        } catch (IOException e) {
            throw MappingException.of(new MappingProblem(origin, 0, 0, "",
                    "cannot read the file: " + e + " (expected a readable UTF-8 file)"));
        }
        return parse(origin, text);
    }

    /** The packaged default mapping; a failure here is a build defect, which the module's tests prevent. */
    public Mapping loadDefault() {
        try (InputStream in = MappingLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is not on the class path; is the mappings jar complete?");
            }
            return parse("classpath:" + DEFAULT_RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param origin   how to name the text in problems (a path, a resource, "inline")
     * @param yamlText the file's content
     * @throws MappingException when the text is not a valid mapping
     */
    public Mapping parse(String origin, String yamlText) {
        List<MappingProblem> problems = new ArrayList<>();
        YamlTree tree = YamlTreeReader.read(origin, stripByteOrderMark(yamlText), problems);
        problems.addAll(schema.check(tree));
        failOn(problems);
        // Cross-references assume the shapes the schema guarantees, so they run only on a file it accepts.
        problems.addAll(validator.validate(tree));
        failOn(problems);
        return MappingReader.read(tree);
    }

    private static void failOn(List<MappingProblem> problems) {
        if (!problems.isEmpty()) {
            List<MappingProblem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingInt(MappingProblem::line).thenComparingInt(MappingProblem::column));
            throw new MappingException(sorted);
        }
    }

    private static String stripByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
