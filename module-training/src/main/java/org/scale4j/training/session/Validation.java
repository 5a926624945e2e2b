package org.scale4j.training.session;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.data.BatchOptions;
import org.scale4j.api.data.BatchStream;
import org.scale4j.api.data.DataPosition;
import org.scale4j.api.data.Dataset;
import org.scale4j.training.loop.StepLoss;
import org.scale4j.training.loop.Trainer;
import org.scale4j.training.parallel.ReplicaSet;

/**
 * Losses and metrics on the validation split, averaged over its batches (weighted by batch size).
 * The masking is the training masking with a fixed seed, so every pass sees the same masks and
 * passes are comparable.
 */
public final class Validation implements Trainer.Validator {

    private final ScaleTrainable model;
    private final Dataset dataset;
    private final String split;
    private final int batchSize;
    private final int maxBatches;
    private final long seed;
    private final NDManager manager;

    /**
     * @param maxBatches at most this many batches per pass (0 = the whole split), to bound its cost
     */
    public Validation(ScaleTrainable model, Dataset dataset, String split, int batchSize, int maxBatches, long seed,
            NDManager manager) {
        this.model = model;
        this.dataset = dataset;
        this.split = split;
        this.batchSize = batchSize;
        this.maxBatches = maxBatches;
        this.seed = seed;
        this.manager = manager;
    }

    @Override
    public SortedMap<String, Double> validate(long step) {
        BatchOptions options = new BatchOptions(batchSize, false, seed, model.masking(), false, false, 2);
        SortedMap<String, Double> sums = new TreeMap<>();
        long samples = 0;
        int batches = 0;
        // on the primary device alone: evaluation needs no gradients, so replicas would only add copies
        ReplicaSet store = ReplicaSet.single(manager);
        try (BatchStream stream = dataset.stream(split, options, DataPosition.START)) {
            while (stream.hasNext() && (maxBatches == 0 || batches < maxBatches)) {
                try (Batch batch = stream.next(manager)) {
                    StepLoss loss = model.loss(store, batch, 1, false);
                    int b = batch.size();
                    sums.merge("loss/total", (double) loss.total().getFloat() * b, Double::sum);
                    for (Map.Entry<String, NDArray> e : loss.scalars().entrySet()) {
                        sums.merge(e.getKey(), (double) e.getValue().getFloat() * b, Double::sum);
                    }
                    for (Map.Entry<String, Double> e : loss.hostScalars().entrySet()) {
                        sums.merge(e.getKey(), e.getValue() * b, Double::sum);
                    }
                    samples += b;
                    batches++;
                }
            }
        }
        SortedMap<String, Double> means = new TreeMap<>();
        for (Map.Entry<String, Double> e : sums.entrySet()) {
            means.put(e.getKey(), e.getValue() / Math.max(1, samples));
        }
        return means;
    }

    /** Whether the dataset has a validation split at all. */
    public static boolean available(Dataset dataset, String split) {
        return dataset.splits().contains(split) && dataset.size(split) > 0;
    }

}
