package org.scale4j.encoders;

import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.model.ModelDims;
import org.scale4j.api.nn.Activation;
import org.scale4j.api.nn.LayerSpec;
import org.scale4j.api.nn.NormPlacement;

/** Builds {@link LayerSpec}s from encoder configs, with errors naming the recipe key. */
final class LayerSpecs {

    private LayerSpecs() {
    }

    static LayerSpec of(ModalitySpec modality, ModelDims dims, int heads, int ffn, String activation, String norm,
            double dropout, double attentionDropout, double eps) {
        if (dims.hidden() % heads != 0) {
            throw new IllegalArgumentException("model.encoders." + modality.name() + ": hidden size " + dims.hidden()
                    + " is not divisible by heads " + heads);
        }
        return new LayerSpec(dims.hidden(), heads, ffn, Activation.fromRecipe(activation),
                NormPlacement.fromRecipe(norm), (float) dropout, (float) attentionDropout, (float) eps);
    }

    /** {@code configured} when positive, else the modality's token count. */
    static int positions(int configured, ModalitySpec modality) {
        return configured > 0 ? configured : modality.tokens();
    }

    static void requireKind(String provider, java.util.Set<String> kinds, ModalitySpec modality) {
        if (!kinds.contains(modality.kind())) {
            throw new IllegalArgumentException("model.encoders." + modality.name() + ": encoder '" + provider
                    + "' accepts kinds " + kinds + ", but modality " + modality.name() + " is of kind '"
                    + modality.kind() + "'");
        }
    }
}
