package org.scale4j.objectives;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.scale4j.api.objective.Objective;

/** The block plumbing every objective shares: called through {@code compute}, never {@code forward}. */
abstract class ObjectiveBlock extends AbstractBlock implements Objective {

    ObjectiveBlock() {
        super((byte) 1);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException("objectives are called through compute(), not forward()");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape()};
    }
}
