package org.scale4j.api.recipe;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.scale4j.api.config.ConfigValueException;
import org.scale4j.api.model.EncoderProvider;
import org.scale4j.api.plugin.Configured;

/** The checks of a {@link Recipe} that span sections; each failure names the key to change. */
final class RecipeChecks {

    private RecipeChecks() {
    }

    /**
     * @throws ConfigValueException with a key relative to the recipe root
     */
    static void crossSections(DataSection data, ModelSection model, EvalSection eval) {
        Set<String> modalities = data.modalities().keySet();
        for (Map.Entry<String, String> share : model.share().entrySet()) {
            for (String modality : List.of(share.getKey(), share.getValue())) {
                if (!modalities.contains(modality)) {
                    throw new ConfigValueException("model.share." + share.getKey(), "no modality '" + modality
                            + "' in data.modalities " + modalities);
                }
            }
            if (model.encoders().containsKey(share.getKey())) {
                throw new ConfigValueException("model.encoders." + share.getKey(), "modality '" + share.getKey()
                        + "' uses the encoder of '" + share.getValue() + "' (model.share." + share.getKey()
                        + "); remove this section or the sharing");
            }
        }
        for (String modality : modalities) {
            if (!model.encoders().containsKey(model.encoderOwner(modality))) {
                throw new ConfigValueException("model.encoders", "no encoder for modality '" + modality
                        + "'; every modality of data.modalities " + modalities + " needs one (or a model.share entry)");
            }
        }
        for (String modality : modalities) {
            Configured<EncoderProvider<?>> encoder = model.encoders().get(model.encoderOwner(modality));
            String kind = data.modalities().get(modality).kind().provider().name();
            Set<String> accepted = new TreeSet<>(encoder.provider().kinds());
            if (!accepted.contains(kind)) {
                throw new ConfigValueException("model.encoders." + model.encoderOwner(modality) + ".type", "encoder '"
                        + encoder.provider().name() + "' accepts modality kinds " + accepted
                        + ", but modality '" + modality + "' is of kind '" + kind + "'");
            }
        }
        for (String modality : model.encoders().keySet()) {
            if (!modalities.contains(modality)) {
                throw new ConfigValueException("model.encoders." + modality, "no modality '" + modality
                        + "' in data.modalities " + modalities);
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
