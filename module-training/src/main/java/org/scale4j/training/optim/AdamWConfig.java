package org.scale4j.training.optim;

/**
 * Settings of {@link AdamW}.
 *
 * @param beta1 decay of the first moment (0.9)
 * @param beta2 decay of the second moment (0.999)
 * @param epsilon added to the root of the second moment (1e-8 for AdamW, 1e-6 for BertAdam)
 * @param weightDecay decoupled weight decay, applied only to parameters that {@link #decays} allows
 * @param biasCorrection whether moments are bias-corrected (AdamW: true; BertAdam: false)
 */
public record AdamWConfig(double beta1, double beta2, double epsilon, double weightDecay, boolean biasCorrection) {

    public AdamWConfig {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("betas must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
        }
    }

    /** PyTorch's AdamW defaults with the given weight decay. */
    public static AdamWConfig adamW(double weightDecay) {
        return new AdamWConfig(0.9, 0.999, 1e-8, weightDecay, true);
    }

    /** The BertAdam settings of the released code (spec 2.10): no bias correction, epsilon 1e-6. */
    public static AdamWConfig bertAdam(double weightDecay) {
        return new AdamWConfig(0.9, 0.999, 1e-6, weightDecay, false);
    }
}
