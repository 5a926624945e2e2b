package org.scale4j.testplugin.config;

import org.scale4j.api.config.Default;
import org.scale4j.api.config.Doc;
import org.scale4j.api.config.Min;

public record TokensConfig(@Doc("Tokens per sample, [CLS] and [SEP] included.") @Default("24") @Min(3) int maxLen) {
}
