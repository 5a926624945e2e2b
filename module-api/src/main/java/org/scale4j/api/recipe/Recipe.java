package org.scale4j.api.recipe;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.scale4j.api.config.ConfigValueException;
import org.scale4j.api.config.Default;
import org.scale4j.api.config.Doc;
import org.scale4j.api.model.EncoderProvider;
import org.scale4j.api.plugin.Configured;

/**
 * A resolved recipe: includes merged, {@code --set} overrides applied, defaults filled, plugin
 * names resolved and every plugin's parameters bound to its config record.
 *
 * <p>The constructor checks what spans sections: every modality has an encoder (and no encoder
 * names an unknown modality), each encoder accepts its modality's kind, weight sharing and
 * evaluation combinations name known modalities.
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
        Set<String> modalities = data.modalities().keySet();
        for (String modality : modalities) {
            if (!model.encoders().containsKey(modality)) {
                throw new ConfigValueException("model.encoders", "no encoder for modality '" + modality
                        + "'; every modality of data.modalities " + modalities + " needs one");
            }
        }
        for (Map.Entry<String, Configured<EncoderProvider<?>>> encoder : model.encoders().entrySet()) {
            String modality = encoder.getKey();
            ModalitySection slot = data.modalities().get(modality);
            if (slot == null) {
                throw new ConfigValueException("model.encoders." + modality, "no modality '" + modality
                        + "' in data.modalities " + modalities);
            }
            String kind = slot.kind().provider().name();
            Set<String> accepted = new TreeSet<>(encoder.getValue().provider().kinds());
            if (!accepted.contains(kind)) {
                throw new ConfigValueException("model.encoders." + modality + ".type", "encoder '"
                        + encoder.getValue().provider().name() + "' accepts modality kinds " + accepted
                        + ", but modality '" + modality + "' is of kind '" + kind + "'");
            }
        }
        for (Map.Entry<String, String> share : model.share().entrySet()) {
            for (String modality : List.of(share.getKey(), share.getValue())) {
                if (!modalities.contains(modality)) {
                    throw new ConfigValueException("model.share." + share.getKey(), "no modality '" + modality
                            + "' in data.modalities " + modalities);
                }
            }
        }
        for (int i = 0; i < eval.combinations().size(); i++) {
            for (String modality : EvalSection.modalitiesOf(eval.combinations().get(i))) {
                if (!modalities.contains(modality)) {
                    throw new ConfigValueException("eval.combinations[" + i + "]", "no modality '" + modality
                            + "' in data.modalities " + modalities);
                }
            }
        }
    }
}
