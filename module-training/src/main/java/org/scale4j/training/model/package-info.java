/**
 * The SCALE model assembled from plugins: encoders per modality, contrastive poolers, a fusion,
 * a harmonizer and objective heads ({@link org.scale4j.training.model.ScaleModel}, built by
 * {@link org.scale4j.training.model.ModelBuilder} from a {@link org.scale4j.training.model.ModelPlan}).
 *
 * <p>The forward pass has two phases so that data parallelism and micro-batching give the same
 * loss and gradients as one full batch: {@code forwardShard} (everything per sample: encoders,
 * poolers, fusion) runs per shard; the shard outputs are concatenated along the batch axis; then
 * the harmonizer and every objective run once on the global batch, so contrastive negatives span
 * the whole global batch.
 */
package org.scale4j.training.model;
