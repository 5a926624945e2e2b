package org.scale4j.launcher.recipe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.scale4j.api.config.MapNode;
import org.scale4j.api.config.RecordWriter;
import org.scale4j.api.recipe.Recipe;

/**
 * A bound recipe together with its resolved YAML text: includes and overrides applied, every
 * default written out. The text loads back to an equal {@link Recipe}; it is what
 * {@code scale4j recipe print} shows and what every run directory keeps as {@value #FILE_NAME}.
 *
 * @param recipe the typed recipe
 * @param yaml the resolved YAML text
 */
public record ResolvedRecipe(Recipe recipe, String yaml) {

    /** The file name of the resolved recipe in a run directory. */
    public static final String FILE_NAME = "recipe.yaml";

    public ResolvedRecipe {
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(yaml, "yaml");
    }

    /** Resolves {@code recipe} to YAML with a comment header (e.g. the source file). */
    public static ResolvedRecipe of(Recipe recipe, String header) {
        return new ResolvedRecipe(recipe, YamlTreeWriter.write((MapNode) RecordWriter.write(recipe), header));
    }

    /** The SHA-256 of the resolved YAML, lower-case hex: the recipe's identity in provenance. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(yaml.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /**
     * Writes {@value #FILE_NAME} into {@code runDir} atomically (temporary file, fsync, rename),
     * creating the directory if needed.
     *
     * @return the written file
     */
    public Path saveTo(Path runDir) throws IOException {
        Files.createDirectories(runDir);
        Path target = runDir.resolve(FILE_NAME);
        Path temp = Files.createTempFile(runDir, FILE_NAME, ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(yaml.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }
}
