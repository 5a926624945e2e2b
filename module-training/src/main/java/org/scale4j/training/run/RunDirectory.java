package org.scale4j.training.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A run's directory, {@code <out>/<name>/version_<n>}, laid out as TensorBoard and Lightning
 * users expect so that {@code tensorboard --logdir <out>} shows every run side by side.
 *
 * <pre>
 * version_3/
 *   recipe.yaml          the resolved recipe (includes, overrides and defaults applied)
 *   provenance.json      versions, host, seed, hashes
 *   train.log            the run's log
 *   events.out.tfevents.*  TensorBoard scalars, histograms, images, text, hparams
 *   checkpoints/         step-NNNNNNNNN.ckpt and best.txt
 *   results.json / results.md   downstream evaluation
 * </pre>
 */
public final class RunDirectory {

    private static final Pattern VERSION = Pattern.compile("version_(\\d+)");

    private final Path path;

    private RunDirectory(Path path) {
        this.path = path;
    }

    /**
     * Creates the next free {@code version_<n>} under {@code <out>/<name>}. Never reuses an existing
     * directory, even when two runs start at the same moment: creation is atomic.
     */
    public static RunDirectory createNext(Path out, String name) throws IOException {
        Path parent = out.resolve(name);
        Files.createDirectories(parent);
        int next = highestVersion(parent) + 1;
        while (true) {
            Path candidate = parent.resolve("version_" + next);
            try {
                Files.createDirectory(candidate);
                return new RunDirectory(candidate);
            } catch (FileAlreadyExistsException e) {
                next++;
            }
        }
    }

    /** An existing run directory (for resume, eval and embed). */
    public static RunDirectory existing(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("run directory " + dir + " does not exist");
        }
        return new RunDirectory(dir);
    }

    /** The newest {@code version_<n>} under {@code <out>/<name>}, for {@code --resume} without a path. */
    public static java.util.Optional<RunDirectory> latest(Path out, String name) throws IOException {
        Path parent = out.resolve(name);
        int highest = Files.isDirectory(parent) ? highestVersion(parent) : -1;
        return highest < 0 ? java.util.Optional.empty()
                : java.util.Optional.of(new RunDirectory(parent.resolve("version_" + highest)));
    }

    private static int highestVersion(Path parent) throws IOException {
        try (Stream<Path> children = Files.list(parent)) {
            return children.map(p -> VERSION.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1)))
                    .max()
                    .orElse(-1);
        }
    }

    public Path path() {
        return path;
    }

    public Path checkpoints() {
        return path.resolve("checkpoints");
    }

    public Path recipe() {
        return path.resolve("recipe.yaml");
    }

    public Path provenance() {
        return path.resolve("provenance.json");
    }

    public Path log() {
        return path.resolve("train.log");
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
