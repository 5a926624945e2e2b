package org.scale4j.data.importer.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a file line by line as bytes from a start offset, keeping each line's exact byte offset
 * (so that an import can resume mid-file) and never decoding more than the current line. A line
 * ends at {@code \n}; a trailing {@code \r} is dropped. Lines of any length are supported (an
 * image-feature TSV line is ~400 KB).
 */
public final class LineReader implements AutoCloseable {

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
    private long bufferStart;
    private byte[] line = new byte[1 << 16];
    private int length;
    private long lineStart;
    private long position;

    /** Starts at {@code offset} (a line start) of {@code channel}; closing the reader closes it. */
    public LineReader(FileChannel channel, long offset) {
        this.channel = channel;
        this.position = offset;
        this.bufferStart = offset;
        buffer.limit(0);
    }

    /** Reads the next line; false at the end of the file. */
    public boolean next() throws IOException {
        lineStart = position;
        length = 0;
        boolean any = false;
        while (true) {
            if (!buffer.hasRemaining()) {
                bufferStart += buffer.limit();
                buffer.clear();
                int n = channel.read(buffer, bufferStart);
                buffer.flip();
                if (n <= 0) {
                    buffer.limit(0);
                    if (length > 0 && line[length - 1] == '\r') {
                        length--;
                    }
                    return any;
                }
            }
            any = true;
            int start = buffer.position();
            int end = buffer.limit();
            byte[] arr = buffer.array();
            int i = start;
            while (i < end && arr[i] != '\n') {
                i++;
            }
            append(arr, start, i - start);
            position += i - start;
            if (i < end) {
                buffer.position(i + 1);
                position++;
                if (length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                return true;
            }
            buffer.position(end);
        }
    }

    private void append(byte[] src, int off, int n) {
        if (length + n > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
        }
        System.arraycopy(src, off, line, length, n);
        length += n;
    }

    /** The current line's bytes; valid up to {@link #length()} until the next call to {@link #next}. */
    public byte[] bytes() {
        return line;
    }

    /** The current line's length in bytes. */
    public int length() {
        return length;
    }

    /** The current line as UTF-8 text. */
    public String text() {
        return new String(line, 0, length, StandardCharsets.UTF_8);
    }

    /** The byte offset where the current line starts. */
    public long lineStart() {
        return lineStart;
    }

    /** The byte offset after the current line (its newline included): where the next line starts. */
    public long position() {
        return position;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
