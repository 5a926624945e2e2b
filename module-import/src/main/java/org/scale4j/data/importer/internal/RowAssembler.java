package org.scale4j.data.importer.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.scale4j.data.importer.ImportOptions;

/**
 * Joins everything known about one product id into a {@link ProductRow}: the image line (if any),
 * the caption entry (title, pv, label), the id-to-label and group files, the video and audio
 * {@code .npy} files, and the token ids. Problems go to the given sink; they never throw here.
 */
public final class RowAssembler {

    private final ImportOptions options;
    private final IdIndex captions;
    private final IdIndex idLabels;
    private final IdIndex groups;
    private final Map<String, Integer> categories;
    private final Tokenization tokenizer;

    /**
     * @param categories label to category index
     * @param captions the caption index, or null; likewise the others
     */
    public RowAssembler(ImportOptions options, IdIndex captions, IdIndex idLabels, IdIndex groups,
            Map<String, Integer> categories, Tokenization tokenizer) {
        this.options = options;
        this.captions = captions;
        this.idLabels = idLabels;
        this.groups = groups;
        this.categories = categories;
        this.tokenizer = tokenizer;
    }

    /**
     * Builds the row of {@code id}.
     *
     * @param image the parsed TSV line, or null for a product without one
     * @param npy this thread's .npy reader
     */
    public ProductRow assemble(String id, ImageTsvLine image, NpyReader npy, Consumer<Problem> problems) {
        JsonNode caption = null;
        if (captions != null) {
            caption = captions.value(id);
            if (caption == null) {
                problems.accept(new Problem(Problem.MISSING_CAPTION, id, captions.source().toString(), 0,
                        "the product has no entry in the caption JSON; title, table and label are null"));
            }
        }
        String title = text(caption, "title");
        if (title != null && title.isEmpty()) {
            title = null;
        }
        String captionsFile = captions == null ? "" : captions.source().toString();
        List<String[]> table = TableParser.parse(text(caption, "pv"), item -> problems.accept(new Problem(
                Problem.BAD_TABLE_ITEM, id, captionsFile, 0, "pv item '" + item + "' has no '#:#' between key"
                        + " and value; the item is skipped")));
        String label = label(idLabels, id);
        if (label == null) {
            label = text(caption, "label");
        }
        Integer category = label == null ? null : categories.get(label);
        String groupLabel = label(groups, id);
        Long group = groupLabel == null ? null : groupOf(groupLabel);
        int[] titleIds = null;
        List<int[][]> tableIds = null;
        if (tokenizer != null) {
            titleIds = title == null ? null : tokenizer.ids(title);
            if (table != null) {
                tableIds = new ArrayList<>(table.size());
                for (String[] pair : table) {
                    tableIds.add(new int[][] {tokenizer.ids(pair[0]), tokenizer.ids(pair[1])});
                }
            }
        }
        FeatureMatrix video = features(options.videoDir(), id, options.videoDim(), 0, npy, problems);
        FeatureMatrix audio = features(options.audioDir(), id, options.audioDim(), options.audioRows(), npy, problems);
        return new ProductRow(id, category, label, group, title, titleIds, table, tableIds,
                image == null ? null : image.features(), image == null ? null : image.boxes(), video, audio);
    }

    private static FeatureMatrix features(Path dir, String id, int dim, int rows, NpyReader npy,
            Consumer<Problem> problems) {
        if (dir == null) {
            return null;
        }
        if (id.contains("/") || id.contains("\\") || id.equals("..") || id.equals(".")) {
            problems.accept(new Problem(Problem.CORRUPT, id, dir.toString(), 0, "the product id cannot name a"
                    + " file; its .npy is not read"));
            return null;
        }
        NpyReader.Result result = npy.read(dir.resolve(id + ".npy"), id, dim, rows);
        if (result.problem() != null) {
            problems.accept(result.problem());
        }
        return result.matrix();
    }

    private static String label(IdIndex index, String id) {
        if (index == null) {
            return null;
        }
        JsonNode value = index.value(id);
        if (value == null) {
            return null;
        }
        return value.isObject() ? text(value, "label") : value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    /**
     * The {@code product_group} of a group label: the label itself when it is a decimal integer,
     * otherwise the first 63 bits of its SHA-256 (stable across runs and machines).
     */
    public static long groupOf(String label) {
        String s = label.strip();
        if (s.matches("-?\\d{1,18}")) {
            return Long.parseLong(s);
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (d[i] & 0xff);
            }
            return v & Long.MAX_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
