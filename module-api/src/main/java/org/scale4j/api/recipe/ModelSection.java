package org.scale4j.api.recipe;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.scale4j.api.config.ConfigValueException;
import org.scale4j.api.config.Default;
import org.scale4j.api.config.Doc;
import org.scale4j.api.config.Max;
import org.scale4j.api.config.Min;
import org.scale4j.api.model.EncoderProvider;
import org.scale4j.api.model.FusionProvider;
import org.scale4j.api.model.HarmonizerProvider;
import org.scale4j.api.model.ModelDims;
import org.scale4j.api.plugin.Configured;

/**
 * {@code model}: sizes shared by every part, one encoder per modality, the harmonizer and the
 * fusion.
 *
 * @param hidden the hidden size {@code H} of every encoder output and of the fusion
 * @param dropout the dropout probability of blocks that have no own setting
 * @param initStd the standard deviation of the normal initialisation of Linear/Embedding weights
 * @param contrastiveDim the size {@code P} of the contrastive features (pooler output)
 * @param encoders one encoder per modality of {@code data.modalities} except those in
 *     {@code share}, sorted by modality
 * @param share weight sharing: modality to the modality whose encoder it reuses (the released
 *     code shares text with table and image with video, spec Q2); a shared modality has no
 *     {@code encoders} entry of its own; empty by default
 * @param harmonizer the harmonizer plugin (pair and modality weights)
 * @param fusion the fusion plugin (joint co-transformer or a baseline)
 */
@Doc("The model: shared sizes, one encoder per modality, the harmonizer and the fusion.")
public record ModelSection(
        @Doc("Hidden size H of every encoder output and of the fusion.") @Default("128") @Min(1) int hidden,
        @Doc("Dropout probability of blocks without their own setting.")
        @Default("0.1") @Min(0) @Max(value = 1, exclusive = true) double dropout,
        @Doc("Standard deviation of the normal initialisation of Linear and Embedding weights (BERT: 0.02).")
        @Default("0.02") @Min(value = 0, exclusive = true) double initStd,
        @Doc("Size P of the contrastive features: each modality's summary token through Linear(H, P) and ReLU.")
        @Default("128") @Min(1) int contrastiveDim,
        @Doc("One encoder per modality of data.modalities (except shared ones): {type: <encoder>, ...params}.")
        Map<String, Configured<EncoderProvider<?>>> encoders,
        @Doc("Weight sharing: modality -> modality whose encoder it reuses, e.g. {table: text}; the shared "
                + "modality has no model.encoders section of its own.")
        @Default("{}") Map<String, String> share,
        @Doc("The harmonizer: per-sample pair and modality weights (self-harmonized, batch-harmonized, uniform).")
        @Default("{type: self-harmonized}") Configured<HarmonizerProvider<?>> harmonizer,
        @Doc("The fusion over all modalities' tokens (joint-co-transformer or a baseline).")
        @Default("{type: joint-co-transformer}") Configured<FusionProvider<?>> fusion) {

    public ModelSection {
        encoders = Collections.unmodifiableSortedMap(new TreeMap<>(encoders));
        share = Collections.unmodifiableSortedMap(new TreeMap<>(share));
        for (Map.Entry<String, String> entry : share.entrySet()) {
            if (entry.getKey().equals(entry.getValue())) {
                throw new ConfigValueException("share." + entry.getKey(), "a modality cannot share with itself");
            }
            if (share.containsKey(entry.getValue())) {
                throw new ConfigValueException("share." + entry.getKey(), "'" + entry.getValue()
                        + "' shares its own encoder; point at the modality that owns the weights");
            }
        }
    }

    /** The sizes every model part is built with. */
    public ModelDims dims() {
        return new ModelDims(hidden, (float) dropout, (float) initStd);
    }

    /** The modality whose encoder weights {@code modality} uses: itself unless shared. */
    public String encoderOwner(String modality) {
        return share.getOrDefault(modality, modality);
    }
}
