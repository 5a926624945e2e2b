package org.scale4j.fusion;

import java.util.List;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.model.Fusion;
import org.scale4j.api.model.FusionProvider;
import org.scale4j.api.model.ModelDims;
import org.scale4j.api.nn.Initialization;
import org.scale4j.api.plugin.NoConfig;

/** {@code mean-pool}: Baseline without cross-attention; adds the mean of all real tokens to every token. */
public final class MeanPoolFusionProvider implements FusionProvider<NoConfig> {

    @Override
    public String name() {
        return "mean-pool";
    }

    @Override
    public Class<NoConfig> configType() {
        return NoConfig.class;
    }

    @Override
    public String description() {
        return "Baseline without cross-attention; adds the mean of all real tokens to every token";
    }

    @Override
    public Fusion create(List<ModalitySpec> modalities, ModelDims dims, NoConfig config) {
        return Initialization.bert(new MeanPoolFusion(), dims.initStd());
    }
}
