package org.scale4j.tensorboard.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Locale;

/**
 * The event file a writer appends to, opened lazily. Every new file starts with the file-version
 * event; its name is {@code events.out.tfevents.<unix secs>.<host>.<pid>.<n>}, where {@code n} is
 * the smallest number that makes the name new in the directory (so two writers in one process and
 * second never collide). After a failure the file is abandoned and the next record opens a new one.
 *
 * <p>Not thread-safe: only the writer thread uses it.
 */
public final class EventFileSink implements AutoCloseable {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path dir;
    private final Clock clock;
    private final String host;
    private final long pid;
    private FileChannel channel;
    private OutputStream out;
    private Path file;
    private boolean dirty;

    public EventFileSink(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
        this.host = HostName.sanitized();
        this.pid = ProcessHandle.current().pid();
    }

    /** The file being written, or null before the first record and after a failure. */
    public Path currentFile() {
        return file;
    }

    /** Appends one framed record, opening a new file first when none is open. */
    public void write(byte[] framedRecord) throws IOException {
        if (out == null) {
            open();
        }
        out.write(framedRecord);
        dirty = true;
    }

    /** Pushes buffered records to the file and, with {@code force}, to the disk. */
    public void flush(boolean force) throws IOException {
        if (out == null || !dirty) {
            return;
        }
        out.flush();
        if (force) {
            channel.force(false);
        }
        dirty = false;
    }

    /** Whether the open file was deleted (or its directory removed) behind our back. */
    public boolean fileVanished() {
        return file != null && !Files.exists(file);
    }

    /**
     * Drops the current file without flushing; the next record opens a new file. A file that got
     * no byte at all (a full disk fails the first write of every retry) is deleted, so that retries
     * do not leave a trail of empty event files.
     */
    public void abandon() {
        OutputStream o = out;
        Path abandoned = file;
        out = null;
        file = null;
        dirty = false;
        if (o != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the file is already failing; its buffered bytes are given up on purpose
            }
            try {
                if (Files.size(abandoned) == 0) {
                    Files.deleteIfExists(abandoned);
                }
            } catch (IOException ignored) {
                // gone already, or the directory is unreadable: nothing to tidy
            }
        }
        channel = null;
    }

    @Override
    public void close() throws IOException {
        if (out == null) {
            return;
        }
        try {
            flush(true);
            out.close();
        } finally {
            out = null;
            channel = null;
            file = null;
        }
    }

    private void open() throws IOException {
        Files.createDirectories(dir);
        long secs = clock.instant().getEpochSecond();
        for (int n = 0; ; n++) {
            Path candidate = dir.resolve(String.format(Locale.ROOT, "events.out.tfevents.%010d.%s.%d.%d", secs, host, pid, n));
            try {
                channel = FileChannel.open(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                file = candidate;
                break;
            } catch (FileAlreadyExistsException e) {
                // another writer got this name first; try the next number
            }
        }
        out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
        double wallTime = clock.millis() / 1000.0;
        out.write(RecordFraming.frame(Events.fileVersion(wallTime)));
        dirty = true;
    }
}
