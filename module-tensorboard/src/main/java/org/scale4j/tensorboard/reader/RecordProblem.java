package org.scale4j.tensorboard.reader;

/**
 * A record of an event file that could not be used.
 *
 * @param offset the byte offset of the record's first byte (its length field) in the file
 * @param kind what is wrong
 * @param message a sentence naming the file, the offset and what the reader did about it
 */
public record RecordProblem(long offset, Kind kind, String message) {

    /** What can be wrong with a record. */
    public enum Kind {
        /** The file ends inside this record (a writer still running, or a crash); reading stops. */
        TRUNCATED,
        /** The length field fails its CRC, so the record's end is unknown; reading stops. */
        LENGTH_CRC_MISMATCH,
        /** The data fails its CRC; the record is skipped and reading continues after it. */
        DATA_CRC_MISMATCH,
        /** The data passes its CRC but is not an Event message; the record is skipped. */
        UNDECODABLE
    }
}
