package org.scale4j.training.checkpoint;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The on-disk layout of a checkpoint file, version 1. Everything is big-endian.
 *
 * <pre>
 * magic        12 bytes  "SCALE4J-CKPT"
 * version      int32     1
 * entries      repeated:
 *   present    byte      1 (0 ends the list)
 *   name       UTF       modified UTF-8, as DataOutputStream.writeUTF
 *   chunks     repeated: int32 length (0 ends the entry), then that many bytes
 * digest       32 bytes  SHA-256 of every byte before it
 * </pre>
 *
 * <p>Chunked entries let parameters of any size stream through without knowing their length up
 * front; the trailing digest detects truncation and bit flips.
 */
final class CheckpointFormat {

    static final byte[] MAGIC = "SCALE4J-CKPT".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int DIGEST_BYTES = 32;
    static final int CHUNK = 1 << 16;

    private CheckpointFormat() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** An output stream that writes its bytes as chunks of one entry. */
    static final class ChunkedOutput extends OutputStream {
        private final DataOutputStream out;
        private final byte[] buffer = new byte[CHUNK];
        private int filled;

        ChunkedOutput(DataOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            if (filled == buffer.length) {
                flushChunk();
            }
            buffer[filled++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (filled == buffer.length) {
                    flushChunk();
                }
                int n = Math.min(len, buffer.length - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        private void flushChunk() throws IOException {
            if (filled > 0) {
                out.writeInt(filled);
                out.write(buffer, 0, filled);
                filled = 0;
            }
        }

        /** Ends the entry; the underlying stream stays open. */
        @Override
        public void close() throws IOException {
            flushChunk();
            out.writeInt(0);
        }
    }

    /** An input stream over the chunks of one entry; it stops at the end-of-entry marker. */
    static final class ChunkedInput extends InputStream {
        private final DataInputStream in;
        private int remaining;
        private boolean ended;

        ChunkedInput(DataInputStream in) {
            this.in = in;
        }

        private boolean fill() throws IOException {
            while (remaining == 0 && !ended) {
                int length = in.readInt();
                if (length < 0 || length > CHUNK) {
                    throw new IOException("bad chunk length " + length);
                }
                if (length == 0) {
                    ended = true;
                }
                remaining = length;
            }
            return !ended || remaining > 0;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                throw new EOFException("checkpoint entry cut short");
            }
            remaining--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = in.read(b, off, Math.min(len, remaining));
            if (n < 0) {
                throw new EOFException("checkpoint entry cut short");
            }
            remaining -= n;
            return n;
        }

        /** Skips to the end of the entry. */
        void drain() throws IOException {
            byte[] skip = new byte[8192];
            while (read(skip, 0, skip.length) >= 0) {
                // discard
            }
        }
    }
}
