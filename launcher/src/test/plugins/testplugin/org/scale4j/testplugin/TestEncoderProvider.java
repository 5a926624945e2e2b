package org.scale4j.testplugin;

import java.util.Set;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.model.EncoderProvider;
import org.scale4j.api.model.ModalityEncoder;
import org.scale4j.api.model.ModelDims;
import org.scale4j.testplugin.config.EncoderConfig;

public final class TestEncoderProvider implements EncoderProvider<EncoderConfig> {
    @Override public String name() { return "test-encoder"; }
    @Override public Class<EncoderConfig> configType() { return EncoderConfig.class; }
    @Override public String description() { return "Test encoder for recipe binding."; }
    @Override public Set<String> kinds() { return Set.of("test-tokens", "test-features"); }
    @Override public ModalityEncoder create(ModalitySpec modality, ModelDims dims, EncoderConfig config) {
        throw new UnsupportedOperationException("the test plugin only exercises discovery and recipe binding");
    }
}
