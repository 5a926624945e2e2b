package org.scale4j.objectives;

import org.scale4j.api.objective.Objective;
import org.scale4j.api.objective.ObjectiveContext;
import org.scale4j.api.objective.ObjectiveProvider;
import org.scale4j.objectives.config.InfoNceConfig;

/** {@code pairwise-infonce}: CLIP-style symmetric InfoNCE per modality pair with a learnable clamped temperature. */
public final class PairwiseInfoNceProvider implements ObjectiveProvider<InfoNceConfig> {

    @Override
    public String name() {
        return "pairwise-infonce";
    }

    @Override
    public Class<InfoNceConfig> configType() {
        return InfoNceConfig.class;
    }

    @Override
    public String description() {
        return "CLIP-style symmetric InfoNCE per modality pair with a learnable clamped temperature";
    }

    @Override
    public Objective create(ObjectiveContext context, InfoNceConfig config) {
        return new PairwiseInfoNceObjective((float) config.initTemperature(), (float) config.maxScale(),
                config.pairWeighted(), config.maskMissing());
    }
}
