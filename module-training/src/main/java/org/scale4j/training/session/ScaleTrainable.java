package org.scale4j.training.session;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.modality.MaskingRequest;
import org.scale4j.training.loop.StepLoss;
import org.scale4j.training.loop.TrainableModel;
import org.scale4j.training.model.LossResult;
import org.scale4j.training.model.ScaleModel;
import org.scale4j.training.parallel.ReplicaSet;

/** The SCALE model as the training loop sees it: shards over replicas in, one global loss out. */
public final class ScaleTrainable implements TrainableModel {

    private final ScaleModel model;

    public ScaleTrainable(ScaleModel model) {
        this.model = model;
    }

    @Override
    public Block block() {
        return model;
    }

    @Override
    public List<MaskingRequest> masking() {
        return model.masking();
    }

    @Override
    public StepLoss loss(ReplicaSet replicas, Batch batch, int microBatches, boolean training) {
        LossResult result = model.computeLoss(replicas, batch, microBatches, training);
        SortedMap<String, NDArray> scalars = new TreeMap<>();
        result.losses().forEach((name, value) -> scalars.put("loss/" + name, value));
        scalars.putAll(result.metrics());
        return new StepLoss(result.total(), scalars, result.weights(), result.skipped(), result::backward);
    }
}
