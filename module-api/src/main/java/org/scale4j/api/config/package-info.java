/**
 * The recipe binder: a neutral tree of parsed values with source locations ({@link
 * org.scale4j.api.config.ConfigNode}), the annotations that document and constrain record
 * components ({@link org.scale4j.api.config.Doc}, {@link org.scale4j.api.config.Default},
 * {@link org.scale4j.api.config.Min}, ...), the {@link org.scale4j.api.config.RecordBinder} that
 * turns a tree into immutable records and reports every problem with its file, line and column,
 * the {@link org.scale4j.api.config.RecordWriter} that prints records back, and the
 * {@link org.scale4j.api.config.RecordSchema} JSON Schema generator.
 *
 * <p>Plugin authors use the annotations on their config records and may throw
 * {@link org.scale4j.api.config.ConfigValueException} from a compact constructor to point at a
 * bad value. The package depends on no YAML or JSON library; the launcher parses files.
 */
package org.scale4j.api.config;
