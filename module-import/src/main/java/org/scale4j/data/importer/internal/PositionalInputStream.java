package org.scale4j.data.importer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads a shared {@link FileChannel} from a position with positional reads, so that many threads
 * can look up entries of one file at once without seeking each other's cursor.
 */
final class PositionalInputStream extends InputStream {

    private final FileChannel channel;
    private long position;

    PositionalInputStream(FileChannel channel, long position) {
        this.channel = channel;
        this.position = position;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = channel.read(ByteBuffer.wrap(b, off, len), position);
        if (n > 0) {
            position += n;
        }
        return n;
    }
}
