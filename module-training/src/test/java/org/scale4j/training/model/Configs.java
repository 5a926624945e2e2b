package org.scale4j.training.model;

import java.util.Map;
import org.scale4j.encoders.config.FeatureEncoderConfig;
import org.scale4j.encoders.config.TokenEncoderConfig;
import org.scale4j.fusion.config.HarmonizerConfig;
import org.scale4j.fusion.config.JointCoTransformerConfig;
import org.scale4j.objectives.config.MamConfig;
import org.scale4j.objectives.config.MemConfig;
import org.scale4j.objectives.config.MfmConfig;
import org.scale4j.objectives.config.MlmConfig;
import org.scale4j.objectives.config.MrmConfig;
import org.scale4j.objectives.config.SimclConfig;

/** Config records for tests (the recipe binder builds them in production). */
final class Configs {

    private Configs() {
    }

    static TokenEncoderConfig text(int layers, int heads, int ffn) {
        return new TokenEncoderConfig(layers, heads, ffn, "gelu", "post", 0, 0, 0, 2, 1e-12);
    }

    static FeatureEncoderConfig features(int layers, int heads, int ffn) {
        return new FeatureEncoderConfig(layers, heads, ffn, "gelu", "post", 0, 0, 0, 1e-12);
    }

    static HarmonizerConfig harmonizer() {
        return HarmonizerConfig.defaults();
    }

    static JointCoTransformerConfig cross(int layers, int heads) {
        return new JointCoTransformerConfig(layers, heads, 0, 64, 0, 0, 1e-5);
    }

    /** simcl plus the five masked tasks, default settings. */
    static Map<String, Record> objectives() {
        return Map.of("simcl", SimclConfig.defaults(), "mlm", MlmConfig.defaults(), "mem", MemConfig.defaults(),
                "mrm", MrmConfig.defaults(), "mfm", MfmConfig.defaults(), "mam", MamConfig.defaults());
    }
}
