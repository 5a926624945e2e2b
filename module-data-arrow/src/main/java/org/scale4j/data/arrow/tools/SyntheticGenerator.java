package org.scale4j.data.arrow.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.scale4j.api.data.DataException;
import org.scale4j.data.arrow.synth.SyntheticWriter;

/**
 * {@code scale4j synth}: writes a synthetic M5Product-like dataset in the canonical Arrow layout.
 *
 * <p>Products get a leaf category from a long-tailed (Zipf-like) distribution over a two-level
 * category tree; several listings share a product group; every modality is a noisy partial view
 * of the category and product latents; about 10% of titles are noisy or describe another product;
 * table keys depend on the category; about 20% of products miss at least one modality and 5% have
 * only one. Splits (train/val/test, 80/10/10 by product group) go to {@code <split>/part-*.arrow}
 * beside a {@code manifest.json}. The same preset and seed give the same bytes.
 */
public final class SyntheticGenerator {

    private SyntheticGenerator() {
    }

    /**
     * Generates into {@code outDir}, which must not exist or be empty. Writes into a temporary
     * sibling directory and renames it at the end, so an interrupted run leaves nothing half-made.
     *
     * @param progress receives one line per finished step; never null
     * @return a one-paragraph summary (rows per split, shards, bytes)
     * @throws DataException when {@code outDir} is not empty or cannot be written
     */
    public static String generate(SyntheticPreset preset, Path outDir, long seed, Consumer<String> progress) {
        Path target = outDir.toAbsolutePath().normalize();
        try {
            if (Files.exists(target)) {
                try (var entries = Files.list(target)) {
                    if (entries.findAny().isPresent()) {
                        throw new DataException(outDir + ": already exists and is not empty; choose another --out"
                                + " or delete it");
                    }
                }
                Files.delete(target);
            }
            Path parent = target.getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp");
            try {
                String summary = SyntheticWriter.write(preset, tmp, seed, progress);
                Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                return summary;
            } catch (IOException | RuntimeException e) {
                deleteTree(tmp);
                throw e;
            }
        } catch (IOException e) {
            throw new DataException(outDir + ": cannot write the synthetic dataset: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
