package org.scale4j.fusion;

import org.scale4j.api.model.Harmonizer;
import org.scale4j.api.model.HarmonizerProvider;
import org.scale4j.fusion.config.HarmonizerConfig;

/** {@code uniform}: All pair and modality weights 1 (the ablation). */
public final class UniformHarmonizerProvider implements HarmonizerProvider<HarmonizerConfig> {

    @Override
    public String name() {
        return "uniform";
    }

    @Override
    public Class<HarmonizerConfig> configType() {
        return HarmonizerConfig.class;
    }

    @Override
    public String description() {
        return "All pair and modality weights 1 (the ablation)";
    }

    @Override
    public Harmonizer create(HarmonizerConfig config) {
        return new UniformHarmonizer(config.maskMissing());
    }
}
