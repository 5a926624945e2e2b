package org.scale4j.objectives;

import org.scale4j.api.modality.MaskingRequest;
import org.scale4j.api.nn.Initialization;
import org.scale4j.api.objective.Objective;
import org.scale4j.api.objective.ObjectiveContext;
import org.scale4j.api.objective.ObjectiveProvider;
import org.scale4j.objectives.config.MamConfig;

/** {@code mam}: Masked audio modelling: feature regression on zeroed rows, MSE (spec 2.8). */
public final class MamProvider implements ObjectiveProvider<MamConfig> {

    @Override
    public String name() {
        return "mam";
    }

    @Override
    public Class<MamConfig> configType() {
        return MamConfig.class;
    }

    @Override
    public String description() {
        return "Masked audio modelling: feature regression on zeroed rows, MSE (spec 2.8)";
    }

    @Override
    public Objective create(ObjectiveContext context, MamConfig config) {
        var spec = ContextChecks.featureModality(context, name(), config.modality());
        var request = new MaskingRequest(config.modality(), MaskingRequest.ZERO, config.maskRatio(), 0);
        return Initialization.bert(new MaskedFeatureObjective(name(), config.modality(), request,
                Weighting.of(config.weighting()), context.dims().hidden(), spec.featureDim()), context.dims().initStd());
    }
}
