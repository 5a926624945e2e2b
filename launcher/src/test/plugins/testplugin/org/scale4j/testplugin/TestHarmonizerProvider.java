package org.scale4j.testplugin;

import ai.djl.ndarray.NDArray;
import org.scale4j.api.model.Harmonizer;
import org.scale4j.api.model.HarmonizerProvider;
import org.scale4j.api.model.HarmonyWeights;
import org.scale4j.api.plugin.NoConfig;

/** Uniform weights over the present modalities. */
public final class TestHarmonizerProvider implements HarmonizerProvider<NoConfig> {
    @Override public String name() { return "test-harmonizer"; }
    @Override public Class<NoConfig> configType() { return NoConfig.class; }
    @Override public Harmonizer create(NoConfig config) {
        return (modalities, summaries, present) -> {
            NDArray pairs = present.expandDims(2).mul(present.expandDims(1));
            return new HarmonyWeights(modalities, pairs, present.duplicate());
        };
    }
}
