package org.scale4j.training.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.scale4j.training.io.AtomicFiles;

/**
 * The checkpoints of one run: {@code <run>/checkpoints/step-000000100.ckpt}, the last
 * {@code keepLast} of them plus the best one (lowest validation metric), and {@code best.txt}
 * naming the best step.
 *
 * <p>Resume picks the newest checkpoint whose digest verifies; every corrupt or truncated one it
 * passes over is reported through the warning sink with its file name.
 */
public final class CheckpointStore {

    private static final Pattern NAME = Pattern.compile("step-(\\d{9})\\.ckpt");
    private static final String BEST = "best.txt";

    private final Path dir;
    private final int keepLast;
    private final Consumer<String> warnings;

    /**
     * @param dir the checkpoint directory (created when missing)
     * @param keepLast how many of the newest checkpoints to keep, at least 1
     * @param warnings where problems that do not stop the run are reported
     */
    public CheckpointStore(Path dir, int keepLast, Consumer<String> warnings) {
        if (keepLast < 1) {
            throw new IllegalArgumentException("checkpoint.keep_last must be >= 1, got " + keepLast);
        }
        this.dir = dir;
        this.keepLast = keepLast;
        this.warnings = warnings;
    }

    /** The directory holding the checkpoints. */
    public Path directory() {
        return dir;
    }

    /** The file name a checkpoint of {@code step} gets. */
    public Path pathOf(long step) {
        return dir.resolve(String.format(Locale.ROOT, "step-%09d.ckpt", step));
    }

    /**
     * Writes the checkpoint of {@code step} atomically, records it as best when its metric is the
     * lowest so far, then deletes checkpoints that are neither among the last {@code keepLast}
     * nor the best.
     *
     * @param metric the validation metric of this step (lower is better), if any
     */
    public Path save(long step, CheckpointWriter writer, OptionalDouble metric) throws IOException {
        Files.createDirectories(dir);
        Path target = pathOf(step);
        writer.writeTo(target);
        if (metric.isPresent() && !Double.isNaN(metric.getAsDouble())) {
            Optional<Best> best = best();
            if (best.isEmpty() || metric.getAsDouble() < best.get().metric() || !Files.exists(pathOf(best.get().step()))) {
                writeBest(new Best(step, metric.getAsDouble()));
            }
        }
        prune();
        return target;
    }

    /** All checkpoint files, oldest first (by step). */
    public List<Path> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(CheckpointStore::stepOf))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints in " + dir, e);
        }
    }

    /** The step a checkpoint file holds, from its name. */
    public static long stepOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(file + " is not named like a checkpoint (step-NNNNNNNNN.ckpt)");
        }
        return Long.parseLong(m.group(1));
    }

    /** The newest checkpoint that verifies; corrupt newer ones are reported and skipped. */
    public Optional<Path> latestValid() {
        List<Path> all = new ArrayList<>(list());
        for (int i = all.size() - 1; i >= 0; i--) {
            Path candidate = all.get(i);
            try {
                CheckpointReader.verify(candidate);
                return Optional.of(candidate);
            } catch (CorruptCheckpointException e) {
                warnings.accept(e.getMessage() + "; falling back to the previous checkpoint");
            } catch (IOException e) {
                warnings.accept("cannot read checkpoint " + candidate + ": " + e.getMessage()
                        + "; falling back to the previous checkpoint");
            }
        }
        return Optional.empty();
    }

    /** The best checkpoint recorded so far, if any. */
    public Optional<Best> best() {
        Path file = dir.resolve(BEST);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split("\\s+");
            return Optional.of(new Best(Long.parseLong(parts[0]), Double.parseDouble(parts[1])));
        } catch (IOException | RuntimeException e) {
            warnings.accept("ignoring unreadable " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The step and metric of the best checkpoint. */
    public record Best(long step, double metric) {
    }

    private void writeBest(Best best) throws IOException {
        AtomicFiles.writeString(dir.resolve(BEST), best.step() + " " + best.metric() + "\n");
    }

    private void prune() throws IOException {
        List<Path> all = list();
        long bestStep = best().map(Best::step).orElse(-1L);
        for (int i = 0; i < all.size() - keepLast; i++) {
            Path old = all.get(i);
            if (stepOf(old) != bestStep) {
                Files.deleteIfExists(old);
            }
        }
        // Temporary files of writes that a crash interrupted are garbage.
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
