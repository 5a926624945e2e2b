package org.scale4j.fusion;

import org.scale4j.api.model.Harmonizer;
import org.scale4j.api.model.HarmonizerProvider;
import org.scale4j.fusion.config.HarmonizerConfig;

/** {@code self-harmonized}: Per-sample self-harmonized pair and modality weights (spec 2.6). */
public final class SelfHarmonizedProvider implements HarmonizerProvider<HarmonizerConfig> {

    @Override
    public String name() {
        return "self-harmonized";
    }

    @Override
    public Class<HarmonizerConfig> configType() {
        return HarmonizerConfig.class;
    }

    @Override
    public String description() {
        return "Per-sample self-harmonized pair and modality weights (spec 2.6)";
    }

    @Override
    public Harmonizer create(HarmonizerConfig config) {
        return new SelfHarmonizer(config.maskMissing(), (float) config.eps());
    }
}
