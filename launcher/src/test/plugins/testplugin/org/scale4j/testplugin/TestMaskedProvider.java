package org.scale4j.testplugin;

import org.scale4j.api.objective.Objective;
import org.scale4j.api.objective.ObjectiveContext;
import org.scale4j.api.objective.ObjectiveProvider;
import org.scale4j.testplugin.config.MaskedConfig;

public final class TestMaskedProvider implements ObjectiveProvider<MaskedConfig> {
    @Override public String name() { return "test-masked"; }
    @Override public Class<MaskedConfig> configType() { return MaskedConfig.class; }
    @Override public Objective create(ObjectiveContext context, MaskedConfig config) {
        throw new UnsupportedOperationException("the test plugin only exercises discovery and recipe binding");
    }
}
