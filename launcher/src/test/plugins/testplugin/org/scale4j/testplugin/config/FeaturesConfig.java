package org.scale4j.testplugin.config;

import org.scale4j.api.config.Default;
import org.scale4j.api.config.Doc;
import org.scale4j.api.config.Min;
import org.scale4j.api.config.Nullable;

public record FeaturesConfig(
        @Doc("Feature size.") @Min(1) int dim,
        @Doc("Rows per sample.") @Default("8") @Min(1) int maxLen,
        @Doc("Box column.") @Nullable String boxes) {
}
