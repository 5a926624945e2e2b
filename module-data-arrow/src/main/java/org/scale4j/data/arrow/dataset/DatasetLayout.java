package org.scale4j.data.arrow.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.scale4j.api.data.DataException;

/**
 * Where a dataset's shards are and which split each belongs to.
 *
 * <p>Resolution order for a directory:
 * <ol>
 *   <li>{@code manifest.json} ({@link #MANIFEST}): {@code {"format": "scale4j-arrow", "version": 1,
 *       "splits": {"train": ["train/part-00000.arrow", ...], ...}, "columns": {"image_feats": {"dim": 64}}}};</li>
 *   <li>otherwise every sub-directory holding IPC files is a split named after it (the layout of a
 *       HuggingFace {@code DatasetDict.save_to_disk});</li>
 *   <li>otherwise the IPC files in the directory form the split {@code train}.</li>
 * </ol>
 * A single file is the split {@code train}. IPC files end in {@code .arrow}, {@code .arrows},
 * {@code .ipc} or {@code .feather}; they are taken in name order.
 *
 * @param root the dataset directory (the parent for a single file)
 * @param splits the shard files by split name, in manifest or name order
 * @param dims feature dims the manifest declares by column (empty without a manifest)
 * @param manifest the manifest file, or {@code null}
 */
public record DatasetLayout(Path root, Map<String, List<Path>> splits, Map<String, Integer> dims, Path manifest) {

    /** The manifest file name. */
    public static final String MANIFEST = "manifest.json";
    /** The manifest format tag. */
    public static final String FORMAT = "scale4j-arrow";

    /** Resolves the layout of {@code path}; the message of a failure names the path and the recipe key. */
    public static DatasetLayout resolve(Path path, String recipeKey) {
        if (!Files.exists(path)) {
            throw new DataException(path + ": dataset not found (" + recipeKey + ")");
        }
        if (Files.isRegularFile(path)) {
            Path parent = path.toAbsolutePath().getParent();
            return new DatasetLayout(parent, Map.of("train", List.of(path)), Map.of(), null);
        }
        Path manifest = path.resolve(MANIFEST);
        if (Files.isRegularFile(manifest)) {
            return fromManifest(path, manifest);
        }
        Map<String, List<Path>> splits = new TreeMap<>();
        List<Path> top = ipcFiles(path);
        try (Stream<Path> children = Files.list(path)) {
            for (Path dir : children.filter(Files::isDirectory).sorted().toList()) {
                List<Path> files = ipcFiles(dir);
                if (!files.isEmpty()) {
                    splits.put(dir.getFileName().toString(), files);
                }
            }
        } catch (IOException e) {
            throw new DataException(path + ": cannot list the dataset directory: " + e.getMessage(), e);
        }
        if (splits.isEmpty() && !top.isEmpty()) {
            splits.put("train", top);
        }
        if (splits.isEmpty()) {
            throw new DataException(path + ": no Arrow IPC files (*.arrow, *.arrows, *.ipc, *.feather) and no "
                    + MANIFEST + " found (" + recipeKey + ")");
        }
        return new DatasetLayout(path, splits, Map.of(), null);
    }

    private static DatasetLayout fromManifest(Path root, Path manifest) {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(manifest.toFile());
        } catch (IOException e) {
            throw new DataException(manifest + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("")
                    + "); fix or delete the manifest", e);
        }
        if (json == null || !FORMAT.equals(json.path("format").asText()) || json.path("version").asInt() != 1) {
            throw new DataException(manifest + ": expected {\"format\": \"" + FORMAT + "\", \"version\": 1, ...}");
        }
        JsonNode splitsNode = json.path("splits");
        if (!splitsNode.isObject() || splitsNode.isEmpty()) {
            throw new DataException(manifest + ": 'splits' must map split names to lists of shard files");
        }
        Map<String, List<Path>> splits = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = splitsNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<Path> files = new ArrayList<>();
            for (JsonNode f : e.getValue()) {
                Path file = root.resolve(f.asText()).normalize();
                if (!file.startsWith(root.normalize())) {
                    throw new DataException(manifest + ": shard '" + f.asText() + "' lies outside the dataset directory");
                }
                if (!Files.isRegularFile(file)) {
                    throw new DataException(manifest + ": shard '" + f.asText() + "' of split '" + e.getKey()
                            + "' is missing");
                }
                files.add(file);
            }
            splits.put(e.getKey(), List.copyOf(files));
        }
        Map<String, Integer> dims = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.path("columns").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().has("dim")) {
                dims.put(e.getKey(), e.getValue().get("dim").asInt());
            }
        }
        return new DatasetLayout(root, splits, dims, manifest);
    }

    private static List<Path> ipcFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(DatasetLayout::isIpcName).sorted().toList();
        } catch (IOException e) {
            throw new DataException(dir + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static boolean isIpcName(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".arrow") || n.endsWith(".arrows") || n.endsWith(".ipc") || n.endsWith(".feather");
    }

    /** A shard's path as shown in messages. */
    public String display(Path file) {
        return file.toString();
    }
}
