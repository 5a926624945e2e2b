package org.scale4j.objectives;

import org.scale4j.api.modality.MaskingRequest;
import org.scale4j.api.nn.Initialization;
import org.scale4j.api.objective.Objective;
import org.scale4j.api.objective.ObjectiveContext;
import org.scale4j.api.objective.ObjectiveProvider;
import org.scale4j.objectives.config.MfmConfig;

/** {@code mfm}: Masked frame modelling: feature regression on zeroed frames, MSE (spec 2.8). */
public final class MfmProvider implements ObjectiveProvider<MfmConfig> {

    @Override
    public String name() {
        return "mfm";
    }

    @Override
    public Class<MfmConfig> configType() {
        return MfmConfig.class;
    }

    @Override
    public String description() {
        return "Masked frame modelling: feature regression on zeroed frames, MSE (spec 2.8)";
    }

    @Override
    public Objective create(ObjectiveContext context, MfmConfig config) {
        var spec = ContextChecks.featureModality(context, name(), config.modality());
        var request = new MaskingRequest(config.modality(), MaskingRequest.ZERO, config.maskRatio(), 0);
        return Initialization.bert(new MaskedFeatureObjective(name(), config.modality(), request,
                Weighting.of(config.weighting()), context.dims().hidden(), spec.featureDim()), context.dims().initStd());
    }
}
