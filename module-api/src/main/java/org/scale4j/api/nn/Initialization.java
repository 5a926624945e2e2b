package org.scale4j.api.nn;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;

/**
 * BERT initialisation (spec 2.5): normal(0, std) for Linear and Embedding weights, zero biases,
 * LayerNorm gain 1 and shift 0. Parameters of type {@link Parameter.Type#OTHER} keep their own
 * initializer (e.g. a learnable temperature).
 */
public final class Initialization {

    private Initialization() {
    }

    /**
     * Sets the initializers of every parameter of {@code block} and its children; the values are
     * drawn when the block is initialised (seed the engine first for reproducible runs).
     */
    public static <B extends Block> B bert(B block, float std) {
        if (!(std > 0)) {
            throw new IllegalArgumentException("init std must be > 0, got " + std);
        }
        block.setInitializer(new NormalInitializer(std), Parameter.Type.WEIGHT);
        block.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
        block.setInitializer(Initializer.ONES, Parameter.Type.GAMMA);
        block.setInitializer(Initializer.ZEROS, Parameter.Type.BETA);
        return block;
    }
}
