package org.scale4j.training.loop;

import ai.djl.nn.Block;
import java.util.List;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.modality.MaskingRequest;
import org.scale4j.training.parallel.ReplicaSet;

/** What the training loop needs from a model: its parameters, its masking, and a loss. */
public interface TrainableModel {

    /** The block that owns every trainable parameter (saved in checkpoints). */
    Block block();

    /** The masking the objectives need the data layer to apply. */
    List<MaskingRequest> masking();

    /**
     * Computes the recipe-weighted total loss of a global batch, splitting its forward pass into
     * {@code microBatches} shards per replica (each replica on its device) whose outputs are
     * gathered on the primary device before the objectives run.
     */
    StepLoss loss(ReplicaSet replicas, Batch batch, int microBatches, boolean training);
}
