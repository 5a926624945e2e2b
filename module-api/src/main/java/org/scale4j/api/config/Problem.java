package org.scale4j.api.config;

import java.util.Objects;

/**
 * One thing wrong with a recipe.
 *
 * @param location where the offending value (or the enclosing map, for a missing key) is written
 * @param recipeKey the dotted recipe path, e.g. {@code trainer.optimizer.lr} or {@code objectives[1]}
 * @param message what is wrong and what is allowed, without the location or key
 */
public record Problem(SourceLocation location, String recipeKey, String message) {

    public Problem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(recipeKey, "recipeKey");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:column: key: message}. */
    @Override
    public String toString() {
        return location + ": " + (recipeKey.isEmpty() ? "" : recipeKey + ": ") + message;
    }
}
