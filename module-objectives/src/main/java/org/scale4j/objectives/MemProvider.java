package org.scale4j.objectives;

import org.scale4j.api.modality.MaskingRequest;
import org.scale4j.api.nn.Initialization;
import org.scale4j.api.objective.Objective;
import org.scale4j.api.objective.ObjectiveContext;
import org.scale4j.api.objective.ObjectiveProvider;
import org.scale4j.objectives.config.MemConfig;

/** {@code mem}: Masked entity modelling: whole key or value spans, cross-entropy with a tied decoder (spec 2.8). */
public final class MemProvider implements ObjectiveProvider<MemConfig> {

    @Override
    public String name() {
        return "mem";
    }

    @Override
    public Class<MemConfig> configType() {
        return MemConfig.class;
    }

    @Override
    public String description() {
        return "Masked entity modelling: whole key or value spans, cross-entropy with a tied decoder (spec 2.8)";
    }

    @Override
    public Objective create(ObjectiveContext context, MemConfig config) {
        var spec = ContextChecks.tokenModality(context, name(), config.modality());
        var request = new MaskingRequest(config.modality(), MaskingRequest.ENTITY, config.maskRatio(), 0);
        return Initialization.bert(new MaskedTokenObjective(name(), config.modality(), request,
                Weighting.of(config.weighting()), context.dims().hidden(), spec.vocab().size(),
                ContextChecks.wordEmbeddings(context, name(), config.modality())), context.dims().initStd());
    }
}
