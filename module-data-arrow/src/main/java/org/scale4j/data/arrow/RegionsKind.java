package org.scale4j.data.arrow;

import org.scale4j.api.modality.ModalityCollator;
import org.scale4j.api.modality.ModalityContext;
import org.scale4j.api.modality.ModalityKindProvider;
import org.scale4j.data.arrow.collate.FeatureCollator;
import org.scale4j.data.arrow.config.RegionsConfig;

/** {@code kind: regions}: image region features plus boxes behind a global mean token; MRM masking. */
public final class RegionsKind implements ModalityKindProvider<RegionsConfig> {

    @Override
    public String name() {
        return "regions";
    }

    @Override
    public Class<RegionsConfig> configType() {
        return RegionsConfig.class;
    }

    @Override
    public String description() {
        return "list<fixed_size_list<float>[dim]> region features and [5] boxes, global mean token first";
    }

    @Override
    public ModalityCollator create(ModalityContext context, RegionsConfig config) {
        return new FeatureCollator(context, "regions", config.boxes(), config.dim(), config.maxLen());
    }
}
