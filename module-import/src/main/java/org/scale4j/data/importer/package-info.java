/**
 * Importing datasets from their authors' formats into scale4j's canonical Arrow layout.
 *
 * <p>{@link org.scale4j.data.importer.M5ProductImport} converts M5Product (image-feature TSVs, the
 * caption JSON, label and split files, per-product video/audio {@code .npy}) into Arrow IPC shards
 * with a {@code manifest.json}, streaming, in parallel, resumable after a crash.
 */
package org.scale4j.data.importer;
