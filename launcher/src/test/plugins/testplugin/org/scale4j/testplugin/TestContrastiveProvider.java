package org.scale4j.testplugin;

import org.scale4j.api.objective.Objective;
import org.scale4j.api.objective.ObjectiveContext;
import org.scale4j.api.objective.ObjectiveProvider;
import org.scale4j.testplugin.config.ContrastiveConfig;

public final class TestContrastiveProvider implements ObjectiveProvider<ContrastiveConfig> {
    @Override public String name() { return "test-contrastive"; }
    @Override public Class<ContrastiveConfig> configType() { return ContrastiveConfig.class; }
    @Override public Objective create(ObjectiveContext context, ContrastiveConfig config) {
        throw new UnsupportedOperationException("the test plugin only exercises discovery and recipe binding");
    }
}
