package org.scale4j.fusion;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.model.Fusion;
import org.scale4j.api.model.FusionProvider;
import org.scale4j.api.model.ModelDims;
import org.scale4j.api.nn.Activation;
import org.scale4j.api.nn.Initialization;
import org.scale4j.api.nn.LayerSpec;
import org.scale4j.api.nn.NormPlacement;
import org.scale4j.fusion.config.JointCoTransformerConfig;

/** {@code joint-co-transformer}: pre-LN cross-modal transformer over all tokens (spec 2.5). */
public final class JointCoTransformerProvider implements FusionProvider<JointCoTransformerConfig> {

    @Override
    public String name() {
        return "joint-co-transformer";
    }

    @Override
    public Class<JointCoTransformerConfig> configType() {
        return JointCoTransformerConfig.class;
    }

    @Override
    public String description() {
        return "Joint co-transformer: learned positions, pre-LN QuickGELU blocks over all modalities' tokens";
    }

    @Override
    public Fusion create(List<ModalitySpec> modalities, ModelDims dims, JointCoTransformerConfig config) {
        if (dims.hidden() % config.heads() != 0) {
            throw new IllegalArgumentException("model.fusion: hidden size " + dims.hidden()
                    + " is not divisible by heads " + config.heads());
        }
        int mlp = config.mlp() > 0 ? config.mlp() : 4 * dims.hidden();
        LayerSpec layerSpec = new LayerSpec(dims.hidden(), config.heads(), mlp, Activation.QUICK_GELU,
                NormPlacement.PRE, 0f, (float) config.attentionDropout(), (float) config.layerNormEps());
        Map<String, Integer> tokens = new TreeMap<>();
        modalities.forEach(m -> tokens.put(m.name(), m.tokens()));
        return Initialization.bert(new JointCoTransformer(tokens, layerSpec, config.layers(), config.maxPositions(),
                (float) config.dropout()), dims.initStd());
    }
}
