package org.scale4j.training.optim;

import ai.djl.nn.Parameter;

/**
 * Which parameters get weight decay. BERT practice (and the intent of the released code, whose
 * flags are inverted, spec quirk Q5): weights decay; biases and LayerNorm scales and shifts do not.
 */
public final class DecayPolicy {

    private DecayPolicy() {
    }

    /** Whether {@code parameter} is decayed: true for weight matrices and embeddings only. */
    public static boolean decays(Parameter parameter) {
        return switch (parameter.getType()) {
            case WEIGHT -> true;
            case BIAS, GAMMA, BETA, RUNNING_MEAN, RUNNING_VAR -> false;
            // Custom parameters (learned positions, temperatures) are named by their block;
            // scalars and vectors are never decayed, matrices are.
            default -> parameter.getArray().getShape().dimension() >= 2;
        };
    }
}
