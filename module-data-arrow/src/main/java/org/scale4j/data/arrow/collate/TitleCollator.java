package org.scale4j.data.arrow.collate;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.scale4j.api.batch.ModalityBatch;
import org.scale4j.api.modality.ColumnRequirement;
import org.scale4j.api.modality.ColumnType;
import org.scale4j.api.modality.MaskingRequest;
import org.scale4j.api.modality.ModalityCollator;
import org.scale4j.api.modality.ModalityContext;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.modality.RowView;
import org.scale4j.api.modality.Vocabulary;
import org.scale4j.data.arrow.tokenize.TokenizerHandle;

/**
 * The {@code tokens} kind (spec 1.6 step 2): {@code [CLS] tokens [SEP] [PAD]...} with the text
 * truncated to {@code max_len - 2} tokens, type ids 0, and BERT masking ({@link MaskingRequest#TOKEN})
 * over the real tokens between [CLS] and [SEP]. The column is utf8 text, or with
 * {@code pretokenized} a {@code list<int32>} of ids made with the same tokenizer.
 */
public final class TitleCollator implements ModalityCollator, AutoCloseable {

    private final ModalityContext context;
    private final TokenizerHandle tokenizer;
    private final ModalitySpec spec;
    private final boolean pretokenized;

    public TitleCollator(ModalityContext context, int maxLen, TokenizerHandle tokenizer, boolean pretokenized) {
        this.context = context;
        this.tokenizer = tokenizer;
        this.pretokenized = pretokenized;
        this.spec = new ModalitySpec(context.modality(), "tokens", maxLen, 0, 0, tokenizer.vocabulary());
    }

    @Override
    public ModalitySpec spec() {
        return spec;
    }

    @Override
    public List<ColumnRequirement> columns() {
        return List.of(new ColumnRequirement(context.column(), pretokenized ? ColumnType.INT_LIST : ColumnType.UTF8, 0,
                context.recipeKey() + ".column"));
    }

    @Override
    public String validate(RowView row) {
        if (!pretokenized) {
            // any utf8 value is a title; this fails on a column of another type
            if (row instanceof org.scale4j.data.arrow.dataset.ArrowRow arrow) {
                arrow.requireString(context.column()); // no string for every row at open
            } else {
                row.string(context.column());
            }
            return null;
        }
        int size = spec.vocab().size();
        for (int id : row.ints(context.column())) {
            if (id < 0 || id >= size) {
                return context.column() + ": token id " + id + " is outside the tokenizer's vocabulary of " + size
                        + " (" + context.recipeKey() + ".tokenizer must be the one the ids were made with)";
            }
        }
        return null;
    }

    @Override
    public ModalityBatch collate(List<RowView> rows, MaskingRequest masking, Random rng, NDManager manager) {
        Vocabulary v = spec.vocab();
        int t = spec.tokens();
        TokenTensors out = new TokenTensors(rows.size(), t, v.padId(), masking != null);
        List<String> texts = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        List<long[]> given = new ArrayList<>();
        for (int b = 0; b < rows.size(); b++) {
            RowView row = rows.get(b);
            if (row.isNull(context.column())) {
                continue;
            }
            at.add(b);
            if (pretokenized) {
                given.add(java.util.Arrays.stream(row.ints(context.column())).asLongStream().toArray());
            } else {
                texts.add(row.string(context.column()));
            }
        }
        long[][] encoded = pretokenized ? given.toArray(new long[0][]) : tokenizer.encode(texts);
        for (int i = 0; i < encoded.length; i++) {
            int b = at.get(i);
            int base = b * t;
            int n = Math.min(encoded[i].length, t - 2);
            out.ids[base] = v.clsId();
            System.arraycopy(encoded[i], 0, out.ids, base + 1, n);
            out.ids[base + n + 1] = v.sepId();
            java.util.Arrays.fill(out.mask, base, base + n + 2, 1f);
            out.present[b] = 1f;
        }
        if (masking != null) {
            requireScheme(masking, MaskingRequest.TOKEN);
            // Rows in batch order, so the generator's draws depend only on the batch.
            for (int b = 0; b < rows.size(); b++) {
                if (out.present[b] == 1f) {
                    int base = b * t;
                    int len = 0;
                    while (len < t && out.mask[base + len] == 1f) {
                        len++;
                    }
                    TokenMasking.apply(out.ids, out.labels, base + 1, base + len - 1, masking.ratio(), rng, v);
                }
            }
        }
        return out.toBatch(spec.name(), manager);
    }

    static void requireScheme(MaskingRequest masking, String scheme) {
        if (!masking.scheme().equals(scheme)) {
            throw new IllegalArgumentException("modality " + masking.modality() + " supports masking scheme '"
                    + scheme + "', not '" + masking.scheme() + "'");
        }
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
