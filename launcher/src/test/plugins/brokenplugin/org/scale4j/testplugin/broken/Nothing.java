package org.scale4j.testplugin.broken;

/** A class, so that the package exists. */
public final class Nothing {
}
