package org.scale4j.api.config;

import java.util.Objects;

/**
 * A scalar value, kept as the text the user wrote.
 *
 * <p>The binder converts the text to the target type (so {@code 3e-4}, which YAML 1.1 reads as a
 * string, still binds to a {@code double}); {@link #type()} is what the parser resolved and is
 * used to print values back and to tell an explicit {@code null} from the string {@code "null"}.
 *
 * @param text the scalar text; {@code null} exactly when {@code type} is {@link Type#NULL}
 * @param type what the parser resolved the text to
 * @param location where the scalar starts
 */
public record ScalarNode(String text, Type type, SourceLocation location) implements ConfigNode {

    /** The resolved type of a scalar. */
    public enum Type { STRING, NUMBER, BOOLEAN, NULL }

    public ScalarNode {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(location, "location");
        if ((text == null) != (type == Type.NULL)) {
            throw new IllegalArgumentException("text must be null exactly for NULL scalars");
        }
    }

    /** A string scalar. */
    public static ScalarNode string(String text, SourceLocation location) {
        return new ScalarNode(Objects.requireNonNull(text, "text"), Type.STRING, location);
    }

    /** Whether this is an explicit null ({@code ~}, {@code null} or an empty value). */
    public boolean isNull() {
        return type == Type.NULL;
    }

    @Override
    public String describe() {
        return isNull() ? "null" : "'" + text + "'";
    }
}
