package org.scale4j.testplugin;

import java.nio.file.Path;
import org.scale4j.api.plugin.NoConfig;
import org.scale4j.api.training.TrainingListener;
import org.scale4j.api.training.TrainingListenerProvider;

public final class TestListenerProvider implements TrainingListenerProvider<NoConfig> {
    @Override public String name() { return "test-listener"; }
    @Override public Class<NoConfig> configType() { return NoConfig.class; }
    @Override public TrainingListener create(Path runDir, NoConfig config) {
        return new TrainingListener() { };
    }
}
