package org.scale4j.testplugin.config;

import org.scale4j.api.config.Default;
import org.scale4j.api.config.Doc;
import org.scale4j.api.config.Min;

public record ContrastiveConfig(
        @Doc("Softmax temperature.") @Default("0.07") @Min(value = 0, exclusive = true) double temperature) {
}
