package org.scale4j.api.config;

import java.util.Objects;

/**
 * Where a recipe value was written: a file with a 1-based line and column, or a pseudo-source
 * such as {@code --set #2} or {@code (default)} (line 0: no position).
 *
 * @param file the file path as the user gave it (or the pseudo-source name); never null
 * @param line the 1-based line, 0 when the source has no lines
 * @param column the 1-based column, 0 when the source has no lines
 */
public record SourceLocation(String file, int line, int column) {

    /** The location of values that come from a {@link Default} annotation. */
    public static final SourceLocation DEFAULT = of("(default)");

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0, got " + line + ":" + column);
        }
    }

    /** A pseudo-source without positions, e.g. {@code --set #1}. */
    public static SourceLocation of(String source) {
        return new SourceLocation(source, 0, 0);
    }

    /** {@code file:line:column}, or just the source name when it has no positions. */
    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line + ":" + column;
    }
}
