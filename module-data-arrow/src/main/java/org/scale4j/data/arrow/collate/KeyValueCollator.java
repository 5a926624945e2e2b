package org.scale4j.data.arrow.collate;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.scale4j.data.arrow.tokenize.EncodingCache;
import org.scale4j.data.arrow.tokenize.TokenizerHandle;

/**
 * The {@code key-value} kind (spec 1.6 step 3): {@code [CLS] k1 v1 k2 v2 ... [SEP]}, each key and
 * value tokenized on its own, the entries truncated to {@code max_len - 2} tokens ([SEP] is always
 * kept, unlike the released code, whose truncation can drop it). Type ids are 0 for [CLS], keys
 * and [SEP], 1 for values.
 *
 * <p>Entity masking ({@link MaskingRequest#ENTITY}, MEM): each entry with a visible token is
 * selected with probability {@code ratio}; then its whole key span (50%) or its whole value span
 * (50%) becomes [MASK], with the original ids as labels. There is no random or keep variant.
 *
 * <p>Keys and values recur across products, so their ids come from a bounded {@link EncodingCache}
 * ({@value #CACHED_TEXTS} texts); only texts not seen recently reach the tokenizer.
 */
public final class KeyValueCollator implements ModalityCollator, AutoCloseable {

    /** At most this many key and value texts keep their ids (a few MB at most). */
    static final int CACHED_TEXTS = 4096;

    private final ModalityContext context;
    private final TokenizerHandle tokenizer;
    private final EncodingCache encodings;
    private final ModalitySpec spec;

    public KeyValueCollator(ModalityContext context, int maxLen, TokenizerHandle tokenizer) {
        this.context = context;
        this.tokenizer = tokenizer;
        this.encodings = new EncodingCache(tokenizer, CACHED_TEXTS);
        this.spec = new ModalitySpec(context.modality(), "key-value", maxLen, 0, 0, tokenizer.vocabulary());
    }

    @Override
    public ModalitySpec spec() {
        return spec;
    }

    @Override
    public List<ColumnRequirement> columns() {
        return List.of(new ColumnRequirement(context.column(), ColumnType.KEY_VALUE_LIST, 0,
                context.recipeKey() + ".column"));
    }

    @Override
    public String validate(RowView row) {
        if (row instanceof org.scale4j.data.arrow.dataset.ArrowRow arrow) {
            if (arrow.nullsInside(context.column()) > 0) {
                return context.column() + ": a null entry, key or value inside the table; drop such entries or use \"\"";
            }
            arrow.requireKeyValues(context.column()); // the types only: no strings for every row at open
            return null;
        }
        row.keyValues(context.column());
        return null;
    }

    @Override
    public ModalityBatch collate(List<RowView> rows, MaskingRequest masking, Random rng, NDManager manager) {
        Vocabulary v = spec.vocab();
        int t = spec.tokens();
        TokenTensors out = new TokenTensors(rows.size(), t, v.padId(), masking != null);
        List<String> texts = new ArrayList<>();
        List<List<Map.Entry<String, String>>> tables = new ArrayList<>();
        for (RowView row : rows) {
            List<Map.Entry<String, String>> table = row.keyValues(context.column());
            tables.add(table);
            if (table != null) {
                for (Map.Entry<String, String> e : table) {
                    texts.add(e.getKey());
                    texts.add(e.getValue());
                }
            }
        }
        long[][] encoded = encodings.encode(texts);
        if (masking != null) {
            TitleCollator.requireScheme(masking, MaskingRequest.ENTITY);
        }
        int next = 0;
        for (int b = 0; b < rows.size(); b++) {
            List<Map.Entry<String, String>> table = tables.get(b);
            if (table == null) {
                continue;
            }
            int base = b * t;
            int limit = base + t - 1; // [SEP] goes at or before the last position
            int p = base;
            out.ids[p++] = v.clsId();
            List<int[]> spans = new ArrayList<>(); // {keyStart, keyEnd, valueStart, valueEnd}
            for (int e = 0; e < table.size(); e++) {
                long[] key = encoded[next++];
                long[] value = encoded[next++];
                int ks = p;
                p = copy(key, out.ids, p, limit);
                int ke = p;
                int vs = p;
                p = copy(value, out.ids, p, limit);
                java.util.Arrays.fill(out.types, vs, p, 1L);
                if (ke > ks || p > vs) {
                    spans.add(new int[] {ks, ke, vs, p});
                }
            }
            out.ids[p++] = v.sepId();
            java.util.Arrays.fill(out.mask, base, p, 1f);
            out.present[b] = 1f;
            if (masking != null) {
                for (int[] span : spans) {
                    if (rng.nextDouble() >= masking.ratio()) {
                        continue;
                    }
                    boolean maskKey = rng.nextBoolean();
                    int from = maskKey ? span[0] : span[2];
                    int to = maskKey ? span[1] : span[3];
                    for (int q = from; q < to; q++) {
                        out.labels[q] = out.ids[q];
                        out.ids[q] = v.maskId();
                    }
                }
            }
        }
        return out.toBatch(spec.name(), manager);
    }

    private static int copy(long[] tokens, long[] ids, int p, int limit) {
        int n = Math.min(tokens.length, limit - p);
        if (n > 0) {
            System.arraycopy(tokens, 0, ids, p, n);
            return p + n;
        }
        return p;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
