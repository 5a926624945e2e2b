package org.scale4j.training.model;

import org.scale4j.api.objective.Objective;

/**
 * A built objective with its log key and loss weight.
 *
 * @param key unique key: the provider name, with {@code #2}, {@code #3} ... for repeats
 * @param weight the recipe weight in the total loss
 * @param objective the objective block
 */
record NamedObjective(String key, double weight, Objective objective) {
}
