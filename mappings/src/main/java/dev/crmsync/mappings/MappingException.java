package dev.crmsync.mappings;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A mapping file cannot be used. Carries every problem found, not just the first, so one edit round
 * fixes them all; the message lists them one per line as {@code file:line:column: key.path: message}.
 */
public final class MappingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<MappingProblem> problems;

    public MappingException(List<MappingProblem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    static MappingException of(MappingProblem problem) {
        return new MappingException(List.of(problem));
    }

    /** The problems in file order; never empty. */
    public List<MappingProblem> problems() {
        return problems;
    }

    private static String render(List<MappingProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a MappingException needs at least one problem");
        }
        return problems.stream().map(MappingProblem::toString).collect(Collectors.joining("\n"));
    }
}
