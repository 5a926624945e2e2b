package org.scale4j.data.arrow;

import org.scale4j.api.modality.ModalityCollator;
import org.scale4j.api.modality.ModalityContext;
import org.scale4j.api.modality.ModalityKindProvider;
import org.scale4j.data.arrow.collate.FeatureCollator;
import org.scale4j.data.arrow.config.FramesConfig;

/** {@code kind: frames}: a sequence of feature rows (video frames, spectrogram rows); MFM/MAM masking. */
public final class FramesKind implements ModalityKindProvider<FramesConfig> {

    @Override
    public String name() {
        return "frames";
    }

    @Override
    public Class<FramesConfig> configType() {
        return FramesConfig.class;
    }

    @Override
    public String description() {
        return "list<fixed_size_list<float>[dim]> rows (video frames, audio spectrogram rows), global mean token first";
    }

    @Override
    public ModalityCollator create(ModalityContext context, FramesConfig config) {
        return new FeatureCollator(context, "frames", null, config.dim(), config.maxLen());
    }
}
