package org.scale4j.testplugin.dup;

import java.util.Set;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.model.EncoderProvider;
import org.scale4j.api.model.ModalityEncoder;
import org.scale4j.api.model.ModelDims;
import org.scale4j.api.plugin.NoConfig;

public final class DuplicateEncoderProvider implements EncoderProvider<NoConfig> {
    @Override public String name() { return "test-encoder"; }
    @Override public Class<NoConfig> configType() { return NoConfig.class; }
    @Override public Set<String> kinds() { return Set.of("test-tokens"); }
    @Override public ModalityEncoder create(ModalitySpec modality, ModelDims dims, NoConfig config) {
        throw new UnsupportedOperationException("the test plugin only exercises discovery");
    }
}
