package org.scale4j.api.model;

/**
 * Sizes shared by every model part.
 *
 * @param hidden the hidden size {@code H} of every encoder output and of the fusion
 * @param dropout the dropout probability used by blocks that have no own setting
 * @param initStd the standard deviation of the normal initialisation of Linear and Embedding
 *     weights (0.02 as in BERT)
 */
public record ModelDims(int hidden, float dropout, float initStd) {

    public ModelDims {
        if (hidden < 1) {
            throw new IllegalArgumentException("hidden must be >= 1, got " + hidden);
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }
}
