package org.scale4j.api.recipe;

import org.scale4j.api.config.Default;
import org.scale4j.api.config.Doc;
import org.scale4j.api.config.Inline;
import org.scale4j.api.config.Min;
import org.scale4j.api.objective.ObjectiveProvider;
import org.scale4j.api.plugin.Configured;

/**
 * One entry of {@code objectives}: {@code {type: <objective>, weight: 1.0, ...params}}. The total
 * loss is the weighted sum of the objectives' losses; each is logged on its own.
 *
 * @param objective the objective plugin with its parameters
 * @param weight the factor of this objective's loss in the total loss
 */
@Doc("A training objective: {type: <objective>, weight: 1.0, ...its parameters}.")
public record ObjectiveSection(
        @Inline Configured<ObjectiveProvider<?>> objective,
        @Doc("Factor of this objective's loss in the total loss.") @Default("1.0") @Min(0) double weight) {
}
