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
import java.util.ArrayList;
import java.util.List;
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
    /** Bytes handed to the stream for the current file. */
    private long written;
    /** Where each record added since the last successful flush ends in the file (bytes). */
    private final List<Long> unflushedEnds = new ArrayList<>();

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
        written += framedRecord.length;
        unflushedEnds.add(written);
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
        unflushedEnds.clear();
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
     *
     * @return how many records {@link #write} accepted for this file did not reach it whole: the
     *     ones still buffered, or cut by a write that failed part-way (0 after a successful flush)
     */
    public int abandon() {
        OutputStream o = out;
        Path abandoned = file;
        out = null;
        file = null;
        dirty = false;
        int lost = 0;
        if (o != null) {
            long landed;
            try {
                landed = channel.size();
            } catch (IOException e) {
                landed = 0;
            }
            for (long end : unflushedEnds) {
                if (end > landed) {
                    lost++;
                }
            }
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
        unflushedEnds.clear();
        written = 0;
        return lost;
    }

    /**
     * Flushes, forces and closes the file. When that fails the file stays current, so that
     * {@link #abandon()} can count the records it lost.
     */
    @Override
    public void close() throws IOException {
        if (out == null) {
            return;
        }
        flush(true);
        out.close();
        out = null;
        channel = null;
        file = null;
        written = 0;
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
        byte[] version = RecordFraming.frame(Events.fileVersion(wallTime));
        out.write(version);
        written = version.length; // the file's own header, not one of the caller's records
        dirty = true;
    }
}
