package org.scale4j.testplugin.closed.config;

import org.scale4j.api.config.Default;

public record ClosedConfig(@Default("1.0") double scale) {
}
