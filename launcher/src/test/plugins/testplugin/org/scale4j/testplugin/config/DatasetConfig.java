package org.scale4j.testplugin.config;

import org.scale4j.api.config.Default;
import org.scale4j.api.config.Doc;
import org.scale4j.api.config.Min;
import org.scale4j.api.config.OneOf;

public record DatasetConfig(
        @Doc("Size preset.") @Default("tiny") @OneOf({"tiny", "small"}) String preset,
        @Doc("Number of rows.") @Default("64") @Min(1) int rows) {
}
