package org.scale4j.fusion;

import java.util.List;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.model.Fusion;
import org.scale4j.api.model.FusionProvider;
import org.scale4j.api.model.ModelDims;
import org.scale4j.api.nn.Initialization;
import org.scale4j.api.plugin.NoConfig;

/** {@code concat-project}: Baseline without cross-attention; Linear([token, mean of all tokens]). */
public final class ConcatProjectFusionProvider implements FusionProvider<NoConfig> {

    @Override
    public String name() {
        return "concat-project";
    }

    @Override
    public Class<NoConfig> configType() {
        return NoConfig.class;
    }

    @Override
    public String description() {
        return "Baseline without cross-attention; Linear([token, mean of all tokens])";
    }

    @Override
    public Fusion create(List<ModalitySpec> modalities, ModelDims dims, NoConfig config) {
        return Initialization.bert(new ConcatProjectFusion(dims.hidden()), dims.initStd());
    }
}
