package org.scale4j.tensorboard.reader;

import java.util.List;

/**
 * One decoded {@code Event} record.
 *
 * @param offset the record's byte offset in the file
 * @param wallTime seconds since the epoch
 * @param step the training step (0 when absent)
 * @param fileVersion the {@code file_version} of the first event (e.g. {@code brain.Event:2}), else null
 * @param values the summary values, in file order; empty for non-summary events
 */
public record TfEvent(long offset, double wallTime, long step, String fileVersion, List<TfValue> values) {

    public TfEvent {
        values = List.copyOf(values);
    }
}
