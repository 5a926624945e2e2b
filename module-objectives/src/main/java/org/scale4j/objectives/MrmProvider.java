package org.scale4j.objectives;

import org.scale4j.api.modality.MaskingRequest;
import org.scale4j.api.nn.Initialization;
import org.scale4j.api.objective.Objective;
import org.scale4j.api.objective.ObjectiveContext;
import org.scale4j.api.objective.ObjectiveProvider;
import org.scale4j.objectives.config.MrmConfig;

/** {@code mrm}: Masked region modelling: feature regression on zeroed regions, MSE (spec 2.8). */
public final class MrmProvider implements ObjectiveProvider<MrmConfig> {

    @Override
    public String name() {
        return "mrm";
    }

    @Override
    public Class<MrmConfig> configType() {
        return MrmConfig.class;
    }

    @Override
    public String description() {
        return "Masked region modelling: feature regression on zeroed regions, MSE (spec 2.8)";
    }

    @Override
    public Objective create(ObjectiveContext context, MrmConfig config) {
        var spec = ContextChecks.featureModality(context, name(), config.modality());
        var request = new MaskingRequest(config.modality(), MaskingRequest.ZERO, config.maskRatio(), config.keepRatio());
        return Initialization.bert(new MaskedFeatureObjective(name(), config.modality(), request,
                Weighting.of(config.weighting()), context.dims().hidden(), spec.featureDim()), context.dims().initStd());
    }
}
