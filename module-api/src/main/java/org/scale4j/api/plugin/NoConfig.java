package org.scale4j.api.plugin;

/** The configuration of a provider that takes no parameters. */
public record NoConfig() {
}
