package org.scale4j.tensorboard.reader;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared, read-only TensorFlow fixtures are: {@code <root>/../shared/fixtures/tensorflow/}. */
final class GoldenFiles {

    private GoldenFiles() {
    }

    /** The tfevents file TensorFlow 2 wrote: scalar {@code my_metric} = 0.5 * step, steps 0..99. */
    static Path tf2Golden() {
        String root = System.getProperty("scale4j.root");
        assertNotNull(root, "surefire sets -Dscale4j.root to the project root");
        Path file = Path.of(root).toAbsolutePath().normalize()
                .resolve("../shared/fixtures/tensorflow/events.out.tfevents.1585499054.tf2-golden.v2").normalize();
        assertTrue(Files.isRegularFile(file), "the shared fixture is missing: " + file);
        return file;
    }
}
