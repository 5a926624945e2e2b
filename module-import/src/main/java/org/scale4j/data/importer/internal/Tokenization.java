package org.scale4j.data.importer.internal;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.scale4j.api.data.DataException;

/**
 * A user-supplied HuggingFace {@code tokenizer.json} (e.g. {@code bert-base-chinese}'s) turning
 * titles and table keys/values into token ids. Ids are stored without special tokens and without
 * truncation: the collator adds {@code [CLS]}/{@code [SEP]} and truncates to the recipe's
 * {@code max_len} (36 for titles, 64 for tables in the paper), so one import serves any length.
 * The native tokenizer is thread-safe; one instance serves all workers.
 */
public final class Tokenization implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;

    private Tokenization(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** Loads {@code tokenizer.json} from a local path (never from the network). */
    public static Tokenization load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataException(file + ": tokenizer file not found; give the path of a HuggingFace"
                    + " tokenizer.json (e.g. bert-base-chinese's), or omit the tokenizer to keep titles raw");
        }
        try {
            return new Tokenization(HuggingFaceTokenizer.newInstance(file,
                    Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false")));
        } catch (IOException | RuntimeException e) {
            throw new DataException(file + ": not a loadable HuggingFace tokenizer.json (" + e.getMessage() + ")",
                    e);
        }
    }

    /** The ids of {@code text}, without special tokens. */
    public int[] ids(String text) {
        long[] ids = tokenizer.encode(text, false, false).getIds();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = Math.toIntExact(ids[i]);
        }
        return out;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
