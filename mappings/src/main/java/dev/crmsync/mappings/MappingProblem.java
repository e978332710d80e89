package dev.crmsync.mappings;

import java.util.Objects;

/**
 * One thing wrong with a mapping file, located the way an editor can jump to it.
 *
 * @param file    the file path or classpath resource the mapping came from
 * @param line    1-based line of the offending key (or value, for list items); 0 when the whole file is concerned
 * @param column  1-based column, 0 with {@code line} 0
 * @param keyPath the offending key, dotted with list indexes in brackets ({@code activities[0].create.hubspot});
 *                empty for the top level
 * @param message what is wrong and, in parentheses, what was expected
 */
public record MappingProblem(String file, int line, int column, String keyPath, String message) {

    public MappingProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(keyPath, "keyPath");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:column: key.path: message}, the form compilers use, so editors and CI logs link it. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line).append(':').append(column);
        }
        text.append(": ");
        if (!keyPath.isEmpty()) {
            text.append(keyPath).append(": ");
        }
        return text.append(message).toString();
    }
}
