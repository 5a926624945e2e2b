package org.scale4j.testplugin;

import org.scale4j.api.modality.ModalityCollator;
import org.scale4j.api.modality.ModalityContext;
import org.scale4j.api.modality.ModalityKindProvider;
import org.scale4j.testplugin.config.FeaturesConfig;

public final class TestFeaturesKindProvider implements ModalityKindProvider<FeaturesConfig> {
    @Override public String name() { return "test-features"; }
    @Override public Class<FeaturesConfig> configType() { return FeaturesConfig.class; }
    @Override public ModalityCollator create(ModalityContext context, FeaturesConfig config) {
        throw new UnsupportedOperationException("the test plugin only exercises discovery and recipe binding");
    }
}
