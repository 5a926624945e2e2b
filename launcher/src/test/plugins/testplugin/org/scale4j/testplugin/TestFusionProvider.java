package org.scale4j.testplugin;

import java.util.List;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.model.Fusion;
import org.scale4j.api.model.FusionProvider;
import org.scale4j.api.model.ModelDims;
import org.scale4j.api.plugin.NoConfig;

public final class TestFusionProvider implements FusionProvider<NoConfig> {
    @Override public String name() { return "test-fusion"; }
    @Override public Class<NoConfig> configType() { return NoConfig.class; }
    @Override public Fusion create(List<ModalitySpec> modalities, ModelDims dims, NoConfig config) {
        throw new UnsupportedOperationException("the test plugin only exercises discovery and recipe binding");
    }
}
