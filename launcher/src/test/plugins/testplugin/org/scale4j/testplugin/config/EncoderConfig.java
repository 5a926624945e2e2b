package org.scale4j.testplugin.config;

import org.scale4j.api.config.ConfigValueException;
import org.scale4j.api.config.Default;
import org.scale4j.api.config.Doc;
import org.scale4j.api.config.Min;

public record EncoderConfig(
        @Doc("Transformer layers.") @Default("2") @Min(1) int layers,
        @Doc("Attention heads.") @Default("4") @Min(1) int heads,
        @Doc("Feed-forward size.") @Default("256") @Min(1) int ffn) {

    public EncoderConfig {
        if (ffn % heads != 0) {
            throw new ConfigValueException("heads", "must divide ffn " + ffn + ", got " + heads);
        }
    }
}
