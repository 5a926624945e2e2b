package org.scale4j.training.checkpoint;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads checkpoint files written by {@link CheckpointWriter}, after checking their digest.
 */
public final class CheckpointReader {

    /** Receives one entry's bytes; it may read all, part or none of the stream. */
    @FunctionalInterface
    public interface EntryVisitor {
        void visit(String name, InputStream content) throws IOException;
    }

    private CheckpointReader() {
    }

    /**
     * Checks the magic, version and SHA-256 digest of the whole file.
     *
     * @throws CorruptCheckpointException when the file is truncated, bit-flipped or not a checkpoint
     */
    public static void verify(Path file) throws IOException {
        long size = Files.size(file);
        long body = size - CheckpointFormat.DIGEST_BYTES;
        MessageDigest digest = CheckpointFormat.sha256();
        byte[] stored = new byte[CheckpointFormat.DIGEST_BYTES];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] header = in.readNBytes(CheckpointFormat.MAGIC.length);
            if (!Arrays.equals(header, CheckpointFormat.MAGIC)) {
                throw new CorruptCheckpointException(file, header.length < CheckpointFormat.MAGIC.length
                        ? "only " + size + " bytes: truncated" : "not a scale4j checkpoint (bad magic)");
            }
            if (body < CheckpointFormat.MAGIC.length + 4) {
                throw new CorruptCheckpointException(file, "only " + size + " bytes: truncated");
            }
            digest.update(header);
            byte[] buffer = new byte[1 << 16];
            long left = body - header.length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new CorruptCheckpointException(file, "truncated");
                }
                digest.update(buffer, 0, n);
                left -= n;
            }
            if (in.readNBytes(stored, 0, stored.length) != stored.length) {
                throw new CorruptCheckpointException(file, "truncated digest");
            }
        }
        if (!MessageDigest.isEqual(stored, digest.digest())) {
            throw new CorruptCheckpointException(file, "SHA-256 mismatch: the file was changed or cut short");
        }
    }

    /** Verifies the file, then hands every entry to {@code visitor} in file order. */
    public static void read(Path file, EntryVisitor visitor) throws IOException {
        verify(file);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                Files.newInputStream(file, StandardOpenOption.READ), 1 << 16))) {
            in.skipNBytes(CheckpointFormat.MAGIC.length);
            int version = in.readInt();
            if (version != CheckpointFormat.VERSION) {
                throw new CorruptCheckpointException(file, "format version " + version + " is not supported (this scale4j reads "
                        + CheckpointFormat.VERSION + ")");
            }
            while (in.readByte() == 1) {
                String name = in.readUTF();
                CheckpointFormat.ChunkedInput content = new CheckpointFormat.ChunkedInput(in);
                visitor.visit(name, content);
                content.drain();
            }
        } catch (EOFException e) {
            throw new CorruptCheckpointException(file, "entry list cut short");
        }
    }

    /** Verifies the file and reads every entry into memory (for small checkpoints and tests). */
    public static Map<String, byte[]> readAll(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        read(file, (name, content) -> entries.put(name, content.readAllBytes()));
        return entries;
    }
}
