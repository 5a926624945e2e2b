package org.scale4j.training.checkpoint;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.scale4j.training.io.AtomicFiles;

/**
 * Writes a checkpoint file atomically: into a temporary file in the same directory, fsync, rename
 * over the target, fsync the directory. A crash at any moment leaves either the old file or the
 * complete new one, never a half-written file under the final name.
 *
 * <pre>{@code
 * CheckpointWriter.create()
 *     .add("parameters", out -> model.saveParameters(new DataOutputStream(out)))
 *     .add("recipe.yaml", recipeBytes)
 *     .writeTo(path);
 * }</pre>
 */
public final class CheckpointWriter {

    /** Writes one entry's bytes to the stream it is given (which it must not close). */
    @FunctionalInterface
    public interface EntryContent {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Map<String, EntryContent> entries = new LinkedHashMap<>();

    private CheckpointWriter() {
    }

    /** A writer without entries. */
    public static CheckpointWriter create() {
        return new CheckpointWriter();
    }

    /** Adds a streamed entry; names are unique. */
    public CheckpointWriter add(String name, EntryContent content) {
        if (entries.putIfAbsent(name, content) != null) {
            throw new IllegalArgumentException("checkpoint entry '" + name + "' added twice");
        }
        return this;
    }

    /** Adds an entry from bytes. */
    public CheckpointWriter add(String name, byte[] bytes) {
        return add(name, out -> out.write(bytes));
    }

    /** Writes every entry to {@code target} atomically and durably. */
    public void writeTo(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                MessageDigest digest = CheckpointFormat.sha256();
                OutputStream file = Channels.newOutputStream(channel);
                DataOutputStream out = new DataOutputStream(
                        new DigestOutputStream(new BufferedOutputStream(nonClosing(file), 1 << 16), digest));
                out.write(CheckpointFormat.MAGIC);
                out.writeInt(CheckpointFormat.VERSION);
                for (Map.Entry<String, EntryContent> entry : entries.entrySet()) {
                    out.writeByte(1);
                    out.writeUTF(entry.getKey());
                    try (CheckpointFormat.ChunkedOutput chunks = new CheckpointFormat.ChunkedOutput(out)) {
                        entry.getValue().writeTo(chunks);
                    }
                }
                out.writeByte(0);
                out.flush();
                file.write(digest.digest());
                file.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + dir + " cannot rename atomically; checkpoints need it", e);
            }
            AtomicFiles.syncDirectory(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
