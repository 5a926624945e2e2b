package org.scale4j.api.data;

import java.util.List;
import org.scale4j.api.modality.MaskingRequest;

/**
 * How to batch a split.
 *
 * @param batchSize samples per batch
 * @param shuffle whether each epoch uses a fresh permutation derived from {@code seed} and the epoch
 * @param seed the seed of shuffling and masking
 * @param masking the masking the objectives requested, at most one per modality
 * @param dropLast whether a final incomplete batch of an epoch is dropped (training) or kept (eval)
 * @param repeat whether the stream goes on to the next epoch (training) or ends after one (eval)
 * @param prefetch how many batches the background loader may prepare ahead (0 = load inline)
 */
public record BatchOptions(
        int batchSize, boolean shuffle, long seed, List<MaskingRequest> masking, boolean dropLast, boolean repeat,
        int prefetch) {

    public BatchOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        if (prefetch < 0) {
            throw new IllegalArgumentException("prefetch must be >= 0, got " + prefetch);
        }
        masking = List.copyOf(masking);
    }
}
