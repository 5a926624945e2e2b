package org.scale4j.encoders;

import java.util.Set;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.model.EncoderProvider;
import org.scale4j.api.model.ModalityEncoder;
import org.scale4j.api.model.ModelDims;
import org.scale4j.api.nn.Initialization;
import org.scale4j.encoders.config.TokenEncoderConfig;

/**
 * {@code bert-text}: the BERT encoder of token modalities (title text, key-value tables).
 *
 * <p>Sharing ({@link #createShared}): the whole encoder, embeddings included, as released (the
 * table runs through the text embeddings and layers, spec quirk Q2). The owner must have the
 * same vocabulary size and enough positions.
 */
public final class BertTextEncoderProvider implements EncoderProvider<TokenEncoderConfig> {

    private static final Set<String> KINDS = Set.of("tokens", "key-value");

    @Override
    public String name() {
        return "bert-text";
    }

    @Override
    public Class<TokenEncoderConfig> configType() {
        return TokenEncoderConfig.class;
    }

    @Override
    public String description() {
        return "BERT encoder for token modalities: word+position+type embeddings, post-LN layers";
    }

    @Override
    public Set<String> kinds() {
        return KINDS;
    }

    @Override
    public ModalityEncoder create(ModalitySpec modality, ModelDims dims, TokenEncoderConfig config) {
        LayerSpecs.requireKind(name(), KINDS, modality);
        if (!modality.isTokenKind()) {
            throw new IllegalArgumentException("model.encoders." + modality.name() + ": modality has no vocabulary");
        }
        var layerSpec = LayerSpecs.of(modality, dims, config.heads(), config.ffn(), config.activation(),
                config.norm(), config.dropout(), config.attentionDropout(), config.layerNormEps());
        return Initialization.bert(new TokenEncoder(modality, layerSpec, config.layers(),
                LayerSpecs.positions(config.maxPositions(), modality), config.typeVocab()), dims.initStd());
    }

    @Override
    public ModalityEncoder createShared(
            ModalitySpec modality, ModelDims dims, TokenEncoderConfig config, ModalityEncoder owner) {
        LayerSpecs.requireKind(name(), KINDS, modality);
        if (!(owner instanceof TokenEncoder text)) {
            throw new IllegalArgumentException("model.share." + modality.name() + ": bert-text can share only with"
                    + " another bert-text encoder, not a " + owner.getClass().getSimpleName());
        }
        if (modality.vocab() == null || modality.vocab().size() != text.vocabSize()) {
            throw new IllegalArgumentException("model.share." + modality.name() + ": vocabulary sizes differ ("
                    + (modality.vocab() == null ? "none" : modality.vocab().size()) + " vs " + text.vocabSize()
                    + "); shared text encoders need one tokenizer");
        }
        if (modality.tokens() > text.maxPositions()) {
            throw new IllegalArgumentException("model.share." + modality.name() + ": " + modality.tokens()
                    + " tokens exceed the shared encoder's " + text.maxPositions() + " positions");
        }
        return owner;
    }
}
