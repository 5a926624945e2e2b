package org.scale4j.data.importer;

import java.time.Duration;

/**
 * Receives an import's progress. Called from worker threads, often (after each item); an
 * implementation throttles its own output and must be thread-safe.
 */
public interface ImportProgress {

    /** Discards progress. */
    ImportProgress NONE = (items, bytesDone, bytesTotal, elapsed) -> { };

    /**
     * The import has handled {@code items} source items (TSV lines and caption-only products) and
     * read {@code bytesDone} of the {@code bytesTotal} input bytes that drive it (the TSVs, then the
     * caption JSON), {@code elapsed} after it started.
     */
    void update(long items, long bytesDone, long bytesTotal, Duration elapsed);

    /** The import finished (successfully or not); a progress bar ends its line here. */
    default void done(long items, Duration elapsed) {
    }
}
