package org.scale4j.api.recipe;

import org.scale4j.api.config.Doc;
import org.scale4j.api.config.Inline;
import org.scale4j.api.plugin.Configured;
import org.scale4j.api.training.TrainingListenerProvider;

/**
 * One entry of {@code listeners}: an extra training listener plugin, {@code {type: <name>, ...}}.
 *
 * @param listener the listener plugin with its parameters
 */
@Doc("An extra training listener: {type: <listener>, ...its parameters}.")
public record ListenerSection(@Inline Configured<TrainingListenerProvider<?>> listener) {
}
