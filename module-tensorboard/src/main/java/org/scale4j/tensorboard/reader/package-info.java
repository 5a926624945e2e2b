/**
 * Reads and checks event files: {@link org.scale4j.tensorboard.reader.EventFileReader} verifies
 * every record's CRCs, keeps every good record, reports bad ones with their byte offsets, and
 * decodes events to {@link org.scale4j.tensorboard.reader.TfEvent} /
 * {@link org.scale4j.tensorboard.reader.TfValue} (scalars in both the legacy
 * {@code simple_value} and the TF2 tensor form).
 */
package org.scale4j.tensorboard.reader;
