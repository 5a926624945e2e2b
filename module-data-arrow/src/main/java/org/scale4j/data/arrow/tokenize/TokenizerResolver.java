package org.scale4j.data.arrow.tokenize;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.scale4j.api.data.DataException;
import org.scale4j.api.modality.ModalityContext;
import org.scale4j.api.modality.RowView;
import org.scale4j.data.arrow.config.TokenizerConfig;

/** Turns a modality's {@link TokenizerConfig} into a loaded tokenizer, building the vocabulary when asked. */
public final class TokenizerResolver {

    private static final System.Logger LOG = System.getLogger(TokenizerResolver.class.getName());

    private TokenizerResolver() {
    }

    /**
     * The tokenizer of one modality.
     *
     * @param texts the strings of one row to learn from ({@code built-vocab} only), empty for a null row
     */
    public static TokenizerHandle resolve(ModalityContext context, TokenizerConfig config,
            Function<RowView, List<String>> texts) {
        String key = context.recipeKey() + ".tokenizer";
        if (config.type().equals("hf")) {
            Path path = Path.of(config.path());
            if (!Files.exists(path) && !path.isAbsolute() && context.datasetDir() != null) {
                path = context.datasetDir().resolve(config.path());
            }
            return TokenizerHandle.load(path, key + ".path");
        }
        VocabularyBuilder builder = new VocabularyBuilder();
        context.scan().forEach(row -> texts.apply(row).forEach(builder::add));
        List<String> vocab = builder.vocabulary(config.model(), config.vocabSize(), config.minFreq());
        Map<String, Object> json = VocabularyBuilder.tokenizerJson(vocab, config.model());
        Path target = context.datasetDir().resolve("tokenizers").resolve(
                context.modality() + "-" + context.column() + "-" + config.model() + "-" + config.vocabSize() + "-"
                        + config.minFreq() + ".tokenizer.json");
        try {
            VocabularyBuilder.write(json, target);
        } catch (IOException e) {
            // A read-only dataset directory: keep the tokenizer beside the temp files instead.
            try {
                target = Files.createTempDirectory("scale4j-tokenizer").resolve("tokenizer.json");
                VocabularyBuilder.write(json, target);
                LOG.log(Level.INFO, "dataset directory not writable; built tokenizer written to " + target);
            } catch (IOException again) {
                throw new DataException("cannot write the built tokenizer of " + key + ": " + again.getMessage(), again);
            }
        }
        return TokenizerHandle.load(target, key);
    }
}
