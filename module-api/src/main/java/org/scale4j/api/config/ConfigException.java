package org.scale4j.api.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A recipe is wrong: every problem found, each with its location and recipe key. The CLI prints
 * the message (one problem per line) without a stack trace and exits with status 2.
 */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public ConfigException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** A single problem. */
    public ConfigException(SourceLocation location, String recipeKey, String message) {
        this(List.of(new Problem(location, recipeKey, message)));
    }

    /** The problems in the order they were found; never empty. */
    public List<Problem> problems() {
        return problems;
    }
}
