package org.scale4j.testplugin.config;

import org.scale4j.api.config.Default;
import org.scale4j.api.config.Doc;
import org.scale4j.api.config.Max;
import org.scale4j.api.config.Min;

public record MaskedConfig(
        @Doc("The masked modality.") String modality,
        @Doc("Share of positions masked.") @Default("0.15") @Min(value = 0, exclusive = true) @Max(value = 1, exclusive = true) double maskRatio) {
}
