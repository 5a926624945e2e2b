package org.scale4j.fusion;

import org.scale4j.api.model.Harmonizer;
import org.scale4j.api.model.HarmonizerProvider;
import org.scale4j.fusion.config.HarmonizerConfig;

/** {@code batch-harmonized}: Batch-level harmonized weights (released graph_construct variant of spec 2.6). */
public final class BatchHarmonizedProvider implements HarmonizerProvider<HarmonizerConfig> {

    @Override
    public String name() {
        return "batch-harmonized";
    }

    @Override
    public Class<HarmonizerConfig> configType() {
        return HarmonizerConfig.class;
    }

    @Override
    public String description() {
        return "Batch-level harmonized weights (released graph_construct variant of spec 2.6)";
    }

    @Override
    public Harmonizer create(HarmonizerConfig config) {
        return new BatchHarmonizer(config.maskMissing(), (float) config.eps());
    }
}
