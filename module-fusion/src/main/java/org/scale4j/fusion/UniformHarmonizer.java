package org.scale4j.fusion;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.scale4j.api.model.Harmonizer;
import org.scale4j.api.model.HarmonyWeights;

/**
 * The ablation: every pair and modality weighs 1 (0 where a modality is missing, unless
 * {@code maskMissing} is off).
 */
final class UniformHarmonizer implements Harmonizer {

    private final boolean maskMissing;

    UniformHarmonizer(boolean maskMissing) {
        this.maskMissing = maskMissing;
    }

    @Override
    public HarmonyWeights harmonize(List<String> modalities, NDArray summaries, NDArray present) {
        NDArray pair = GraphMath.pairMask(present, maskMissing);
        NDArray modalityWeights = maskMissing ? present.mul(1f) : present.onesLike();
        return new HarmonyWeights(modalities, pair, modalityWeights);
    }
}
