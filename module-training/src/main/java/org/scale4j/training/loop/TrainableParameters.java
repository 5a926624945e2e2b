package org.scale4j.training.loop;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The parameters an optimizer updates. */
public final class TrainableParameters {

    private TrainableParameters() {
    }

    /**
     * Every parameter of {@code block} that requires a gradient, once each, in block order. A
     * shared encoder (weight sharing, spec quirk Q2) is reachable under two names; updating its
     * parameters twice per step would be wrong.
     */
    public static List<Parameter> of(Block block) {
        Set<String> seen = new HashSet<>();
        List<Parameter> list = new ArrayList<>();
        for (var pair : block.getParameters()) {
            Parameter p = pair.getValue();
            if (p.requiresGradient() && seen.add(p.getId())) {
                list.add(p);
            }
        }
        return list;
    }

    /**
     * Marks every trainable parameter's array as requiring a gradient again. DJL's
     * {@code loadParameters} replaces the arrays with decoded ones that do not, so training after a
     * resume (or after restoring saved weights) would otherwise fail in backward.
     */
    public static void enableGradients(Block block) {
        for (var pair : block.getParameters()) {
            Parameter p = pair.getValue();
            if (p.requiresGradient() && !p.getArray().hasGradient()) {
                p.getArray().setRequiresGradient(true);
            }
        }
    }
}
