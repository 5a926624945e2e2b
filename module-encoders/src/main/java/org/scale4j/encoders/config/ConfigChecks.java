package org.scale4j.encoders.config;

import org.scale4j.api.nn.Activation;
import org.scale4j.api.nn.NormPlacement;

/** Range checks shared by the encoder config records; messages name the recipe key. */
final class ConfigChecks {

    private ConfigChecks() {
    }

    static void layers(int layers, int heads, int ffn) {
        if (layers < 0) {
            throw new IllegalArgumentException("layers must be >= 0, got " + layers);
        }
        if (heads < 1) {
            throw new IllegalArgumentException("heads must be >= 1, got " + heads);
        }
        if (ffn < 1) {
            throw new IllegalArgumentException("ffn must be >= 1, got " + ffn);
        }
    }

    static void options(String activation, String norm, double dropout, double attentionDropout, double eps) {
        Activation.fromRecipe(activation);
        NormPlacement.fromRecipe(norm);
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (attentionDropout < 0 || attentionDropout >= 1) {
            throw new IllegalArgumentException("attention_dropout must be in [0, 1), got " + attentionDropout);
        }
        if (!(eps > 0)) {
            throw new IllegalArgumentException("layer_norm_eps must be > 0, got " + eps);
        }
    }

    static void positions(int maxPositions) {
        if (maxPositions < 0) {
            throw new IllegalArgumentException(
                    "max_positions must be >= 0 (0 = the modality's token count), got " + maxPositions);
        }
    }
}
