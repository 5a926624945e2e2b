package org.scale4j.objectives;

import org.scale4j.api.modality.MaskingRequest;
import org.scale4j.api.nn.Initialization;
import org.scale4j.api.objective.Objective;
import org.scale4j.api.objective.ObjectiveContext;
import org.scale4j.api.objective.ObjectiveProvider;
import org.scale4j.objectives.config.MlmConfig;

/** {@code mlm}: Masked language modelling: cross-entropy with a decoder tied to the word embeddings (spec 2.8). */
public final class MlmProvider implements ObjectiveProvider<MlmConfig> {

    @Override
    public String name() {
        return "mlm";
    }

    @Override
    public Class<MlmConfig> configType() {
        return MlmConfig.class;
    }

    @Override
    public String description() {
        return "Masked language modelling: cross-entropy with a decoder tied to the word embeddings (spec 2.8)";
    }

    @Override
    public Objective create(ObjectiveContext context, MlmConfig config) {
        var spec = ContextChecks.tokenModality(context, name(), config.modality());
        var request = new MaskingRequest(config.modality(), MaskingRequest.TOKEN, config.maskRatio(), 0);
        return Initialization.bert(new MaskedTokenObjective(name(), config.modality(), request,
                Weighting.of(config.weighting()), context.dims().hidden(), spec.vocab().size(),
                ContextChecks.wordEmbeddings(context, name(), config.modality())), context.dims().initStd());
    }
}
