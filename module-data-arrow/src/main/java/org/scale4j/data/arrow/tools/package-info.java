/**
 * Entry points of the {@code scale4j synth} and {@code scale4j inspect} commands:
 * {@link org.scale4j.data.arrow.tools.SyntheticGenerator#generate} with a
 * {@link org.scale4j.data.arrow.tools.SyntheticPreset}, and
 * {@link org.scale4j.data.arrow.tools.DatasetInspector#inspect} returning an
 * {@link org.scale4j.data.arrow.tools.InspectReport} with a text rendering. Every user-facing
 * problem is an {@link org.scale4j.api.data.DataException} (the CLI prints its message and exits 2).
 */
package org.scale4j.data.arrow.tools;
