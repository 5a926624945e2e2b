package org.scale4j.training.parallel;

/**
 * How a global batch of {@code B} samples is cut for {@code R} replicas (devices) with
 * {@code m} micro-batches each: into {@code min(R·m, B)} contiguous shards of near-equal size,
 * shard {@code j} running on replica {@code ⌊j·R / shards⌋}. With {@code R·m ≤ B} replica
 * {@code r} gets shards {@code r·m … r·m+m-1}, so each device's part of the batch is further split
 * into {@code m} micro-batches. The shard outputs are gathered in shard order, so the global
 * batch keeps its sample order whatever the placement.
 */
public final class ShardPlan {

    private ShardPlan() {
    }

    /**
     * The number of shards for a batch (a short last batch gets fewer shards than {@code R·m}).
     *
     * @throws IllegalArgumentException for a non-positive count or an empty batch
     */
    public static int shards(int batchSize, int replicas, int microBatches) {
        if (batchSize < 1 || replicas < 1 || microBatches < 1) {
            throw new IllegalArgumentException("batch size, replicas and micro-batches must be >= 1, got "
                    + batchSize + ", " + replicas + ", " + microBatches);
        }
        return (int) Math.min((long) replicas * microBatches, batchSize);
    }

    /** The replica that runs shard {@code shard} of {@code shards}. */
    public static int owner(int shard, int shards, int replicas) {
        return (int) ((long) shard * replicas / shards);
    }

    /**
     * The recipe check: a full batch must give every replica at least one sample per micro-batch.
     *
     * @return {@code null} when {@code batchSize ≥ R·m}, else what is wrong and what to do
     */
    public static String problem(int batchSize, int replicas, int microBatches) {
        long needed = (long) replicas * microBatches;
        if (batchSize >= needed) {
            return null;
        }
        return "data.batch_size: " + batchSize + " is smaller than " + replicas + " device(s) (trainer.devices) x "
                + microBatches + " micro-batch(es) (trainer.micro_batches) = " + needed + " shards, one sample each "
                + "at least; raise data.batch_size to " + needed + " or more, or use fewer micro-batches or devices";
    }
}
