package org.scale4j.api.recipe;

import java.util.List;
import org.scale4j.api.config.ConfigValueException;
import org.scale4j.api.config.Default;
import org.scale4j.api.config.Doc;

/**
 * A resolved recipe: includes merged, {@code --set} overrides applied, defaults filled, plugin
 * names resolved and every plugin's parameters bound to its config record.
 *
 * <p>The constructor checks what spans sections: every modality has an encoder, its own or the one
 * it shares ({@code model.share}), no encoder names an unknown modality, each encoder accepts the
 * kinds of the modalities that use it, and evaluation combinations name known modalities.
 *
 * @param run naming and seeding
 * @param data the dataset, batching and the modality slots
 * @param model sizes, encoders, harmonizer, fusion
 * @param objectives the training objectives, at least one
 * @param trainer the optimisation loop
 * @param checkpoint checkpoint cadence and retention
 * @param tensorboard event files
 * @param eval downstream evaluation
 * @param plugins extra plugin jar directories
 * @param listeners extra training listener plugins
 */
@Doc("A scale4j recipe.")
public record Recipe(
        @Doc("Naming and seeding of the run.") RunSection run,
        @Doc("Where samples come from and how they are batched.") DataSection data,
        @Doc("The model.") ModelSection model,
        @Doc("Training objectives, each {type: <objective>, weight: 1.0, ...}; the total loss is their weighted sum.")
        List<ObjectiveSection> objectives,
        @Doc("The optimisation loop.") TrainerSection trainer,
        @Doc("Checkpoint cadence and retention.") CheckpointSection checkpoint,
        @Doc("TensorBoard event files.") TensorboardSection tensorboard,
        @Doc("Downstream evaluation after training.") EvalSection eval,
        @Doc("Extra plugin jars.") PluginsSection plugins,
        @Doc("Extra training listener plugins, each {type: <listener>, ...}.") @Default("[]") List<ListenerSection> listeners) {

    public Recipe {
        objectives = List.copyOf(objectives);
        listeners = List.copyOf(listeners);
        if (objectives.isEmpty()) {
            throw new ConfigValueException("objectives", "at least one objective is required, e.g. [{type: simcl}]");
        }
        RecipeChecks.crossSections(data, model, eval);
    }
}
