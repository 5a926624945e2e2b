package org.scale4j.testplugin;

import org.scale4j.api.modality.ModalityCollator;
import org.scale4j.api.modality.ModalityContext;
import org.scale4j.api.modality.ModalityKindProvider;
import org.scale4j.testplugin.config.TokensConfig;

public final class TestTokensKindProvider implements ModalityKindProvider<TokensConfig> {
    @Override public String name() { return "test-tokens"; }
    @Override public Class<TokensConfig> configType() { return TokensConfig.class; }
    @Override public ModalityCollator create(ModalityContext context, TokensConfig config) {
        throw new UnsupportedOperationException("the test plugin only exercises discovery and recipe binding");
    }
}
