package org.scale4j.data.importer.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code manifest.json}, the small description of an imported dataset directory. It keeps
 * the keys the Arrow dataset reader resolves ({@code format}, {@code version}, {@code splits} as
 * split to shard paths, {@code columns.<name>.dim}) and adds per-shard rows and SHA-256, column
 * types, counts and the category list:
 *
 * <pre>{@code
 * {"format": "scale4j-arrow", "version": 1, "source": "m5product-import",
 *  "splits": {"train": ["train/img000-00000.arrow", ...]},
 *  "shards": [{"split": "train", "path": "train/img000-00000.arrow", "rows": 1000, "sha256": "...", "bytes": 123}],
 *  "columns": {"image_feats": {"type": "list<fixed_size_list<float32>[2048]>", "dim": 2048, "dtype": "float32"}, ...},
 *  "counts": {"rows": 2000, "rows_by_split": {"train": 2000}, "present": {"image_feats": 1990, ...},
 *             "problems": {"missing-file": 3}, "unassigned": 0, "items": 2003},
 *  "categories": ["label of category 0", ...], "tokenizer": null}
 * }</pre>
 * Written atomically, last, so a directory with a manifest is a complete import.
 */
public final class ManifestWriter {

    /** The manifest's file name. */
    public static final String FILE = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestWriter() {
    }

    /**
     * Writes the manifest of {@code output}.
     *
     * @param records the chunks in dataset order
     * @param splitNames the splits in order (splits without rows are left out)
     * @param columns per column: its Arrow type text and, for feature columns, dim and dtype
     * @param categories the category labels by index
     * @param tokenizer the tokenizer's file name and SHA-256, or null
     */
    public static Path write(Path output, List<ChunkRecord> records, List<String> splitNames,
            Map<String, Map<String, Object>> columns, List<String> categories, Map<String, String> tokenizer,
            long items) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "scale4j-arrow");
        root.put("version", 1);
        root.put("source", "m5product-import");
        Map<String, List<String>> bySplit = new LinkedHashMap<>();
        splitNames.forEach(s -> bySplit.put(s, new java.util.ArrayList<>()));
        ArrayNode shards = JSON.createArrayNode();
        Map<String, Long> rowsBySplit = new LinkedHashMap<>();
        Map<String, Long> present = new TreeMap<>();
        Map<String, Long> problems = new TreeMap<>();
        long unassigned = 0;
        for (ChunkRecord r : records) {
            for (ChunkRecord.ShardInfo s : r.shards()) {
                bySplit.computeIfAbsent(s.split(), k -> new java.util.ArrayList<>()).add(s.path());
                shards.add(JSON.valueToTree(s));
                rowsBySplit.merge(s.split(), s.rows(), Long::sum);
            }
            r.present().forEach((k, v) -> present.merge(k, v, Long::sum));
            r.problems().forEach((k, v) -> problems.merge(k, v, Long::sum));
            unassigned += r.unassigned();
        }
        bySplit.values().removeIf(List::isEmpty);
        root.set("splits", JSON.valueToTree(bySplit));
        root.set("shards", shards);
        root.set("columns", JSON.valueToTree(columns));
        ObjectNode counts = root.putObject("counts");
        counts.put("rows", rowsBySplit.values().stream().mapToLong(Long::longValue).sum());
        counts.set("rows_by_split", JSON.valueToTree(rowsBySplit));
        present.remove("rows");
        counts.set("present", JSON.valueToTree(present));
        counts.set("problems", JSON.valueToTree(problems));
        counts.put("unassigned", unassigned);
        counts.put("items", items);
        root.set("categories", JSON.valueToTree(categories));
        root.set("tokenizer", tokenizer == null ? null : JSON.valueToTree(tokenizer));
        Path file = output.resolve(FILE);
        try {
            AtomicFiles.write(file, JSON.writeValueAsString(root) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }
}
