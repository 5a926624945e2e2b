package org.scale4j.training.model;

import java.util.Objects;
import org.scale4j.api.objective.ObjectiveProvider;
import org.scale4j.api.plugin.Configured;

/**
 * An objective chosen by the recipe with its weight in the total loss.
 *
 * @param objective the provider and its bound config ({@code recipeKey} e.g. {@code objectives[2]})
 * @param weight the recipe weight of its loss in the total (default 1)
 */
public record WeightedObjective(Configured<ObjectiveProvider<?>> objective, double weight) {

    public WeightedObjective {
        Objects.requireNonNull(objective, "objective");
        if (!Double.isFinite(weight) || weight < 0) {
            throw new IllegalArgumentException(objective.recipeKey() + ".weight must be a finite number >= 0, got "
                    + weight);
        }
    }
}
