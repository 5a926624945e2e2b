package org.scale4j.examples.price;

import org.scale4j.api.modality.MaskingRequest;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.nn.Initialization;
import org.scale4j.api.objective.Objective;
import org.scale4j.api.objective.ObjectiveContext;
import org.scale4j.api.objective.ObjectiveProvider;
import org.scale4j.examples.price.config.MaskedNumberConfig;

/**
 * {@code mnm}: masked number modelling on a {@code numeric-vector} modality
 * ({@link MaskedNumberObjective}). It asks the data layer to hide numbers through a
 * {@link MaskingRequest} with scheme {@link MaskingRequest#ZERO}; the kind's collator does the
 * hiding on the loader thread.
 */
public final class MaskedNumberProvider implements ObjectiveProvider<MaskedNumberConfig> {

    @Override
    public String name() {
        return "mnm";
    }

    @Override
    public Class<MaskedNumberConfig> configType() {
        return MaskedNumberConfig.class;
    }

    @Override
    public String description() {
        return "Masked number modelling: predict hidden numbers of a numeric-vector modality from the fused states, MSE";
    }

    @Override
    public Objective create(ObjectiveContext context, MaskedNumberConfig config) {
        ModalitySpec spec = context.modality(config.modality()); // fails naming the recipe key and the modalities
        if (!spec.kind().equals(NumericVectorKind.NAME)) {
            throw new IllegalArgumentException(context.recipeKey() + ".modality: '" + config.modality()
                    + "' is of kind '" + spec.kind() + "'; mnm needs a " + NumericVectorKind.NAME + " modality");
        }
        MaskingRequest request = new MaskingRequest(config.modality(), MaskingRequest.ZERO, config.maskRatio(), 0);
        return Initialization.bert(new MaskedNumberObjective(name(), config.modality(), request, context.dims().hidden()),
                context.dims().initStd());
    }
}
