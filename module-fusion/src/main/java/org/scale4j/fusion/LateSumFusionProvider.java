package org.scale4j.fusion;

import java.util.List;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.model.Fusion;
import org.scale4j.api.model.FusionProvider;
import org.scale4j.api.model.ModelDims;
import org.scale4j.api.nn.Initialization;
import org.scale4j.api.plugin.NoConfig;

/** {@code late-sum}: Baseline without cross-attention; adds the sum of projected modality summaries to every token. */
public final class LateSumFusionProvider implements FusionProvider<NoConfig> {

    @Override
    public String name() {
        return "late-sum";
    }

    @Override
    public Class<NoConfig> configType() {
        return NoConfig.class;
    }

    @Override
    public String description() {
        return "Baseline without cross-attention; adds the sum of projected modality summaries to every token";
    }

    @Override
    public Fusion create(List<ModalitySpec> modalities, ModelDims dims, NoConfig config) {
        return Initialization.bert(new LateSumFusion(modalities.stream().map(ModalitySpec::name).toList(), dims.hidden()), dims.initStd());
    }
}
