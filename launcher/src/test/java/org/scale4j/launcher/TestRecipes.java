package org.scale4j.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Recipe texts for launcher tests; they name the providers of {@link TestPlugins#TEST}. */
public final class TestRecipes {

    /** A valid recipe over the test plugin (line numbers matter to the tests: keep it stable). */
    public static final String VALID = """
            run: {name: test, seed: 7}
            data:
              source: {type: test-data, rows: 16}
              batch_size: 8
              modalities:
                text: {column: title, kind: test-tokens, max_len: 16}
                image: {column: image_feats, kind: test-features, dim: 32, boxes: image_boxes}
            model:
              hidden: 64
              encoders:
                text: {type: test-encoder, layers: 1}
                image: {type: test-encoder}
              harmonizer: {type: test-harmonizer}
              fusion: {type: test-fusion}
            objectives:
              - {type: test-contrastive, temperature: 0.1}
              - {type: test-masked, modality: text, weight: 0.5}
            trainer:
              steps: 10
              optimizer: {lr: 3e-4}
            """;

    private TestRecipes() {
    }

    /** Writes {@code text} to {@code dir/name} and returns the path. */
    public static Path write(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #VALID} with the first occurrence of {@code from} replaced by {@code to}. */
    public static String validWith(String from, String to) {
        if (!VALID.contains(from)) {
            throw new IllegalArgumentException("VALID has no '" + from + "'");
        }
        return VALID.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }
}
