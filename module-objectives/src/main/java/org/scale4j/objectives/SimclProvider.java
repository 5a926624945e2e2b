package org.scale4j.objectives;

import org.scale4j.api.objective.Objective;
import org.scale4j.api.objective.ObjectiveContext;
import org.scale4j.api.objective.ObjectiveProvider;
import org.scale4j.objectives.config.SimclConfig;

/** {@code simcl}: SIMCL: NT-Xent over every modality pair, logits scaled by the self-harmonized pair weight (spec 2.7). */
public final class SimclProvider implements ObjectiveProvider<SimclConfig> {

    @Override
    public String name() {
        return "simcl";
    }

    @Override
    public Class<SimclConfig> configType() {
        return SimclConfig.class;
    }

    @Override
    public String description() {
        return "SIMCL: NT-Xent over every modality pair, logits scaled by the self-harmonized pair weight (spec 2.7)";
    }

    @Override
    public Objective create(ObjectiveContext context, SimclConfig config) {
        return new SimclObjective((float) config.temperature(), config.maskMissing());
    }
}
