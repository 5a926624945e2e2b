package org.scale4j.testplugin.closed;

import org.scale4j.api.model.Harmonizer;
import org.scale4j.api.model.HarmonizerProvider;
import org.scale4j.testplugin.closed.config.ClosedConfig;

public final class ClosedHarmonizerProvider implements HarmonizerProvider<ClosedConfig> {
    @Override public String name() { return "closed-harmonizer"; }
    @Override public Class<ClosedConfig> configType() { return ClosedConfig.class; }
    @Override public Harmonizer create(ClosedConfig config) {
        throw new UnsupportedOperationException("the test plugin only exercises discovery and recipe binding");
    }
}
