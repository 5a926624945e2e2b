package org.scale4j.data.importer.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The import's report, written into the output directory beside the shards:
 * <ul>
 *   <li>{@code import-problems.tsv}: a header, then one line per problem, in dataset order:
 *       {@code kind, product_id, file, line, detail} (tab-separated; line 0 = not line-based);</li>
 *   <li>{@code import-report.json}: items, rows per split, problems per kind, shards written and
 *       reused, seconds, and the first 20 problems as sentences.</li>
 * </ul>
 * The problems file is concatenated from the chunks' sidecar files, streaming, so its size does
 * not bound memory.
 */
public final class ImportReport {

    /** The problems file name. */
    public static final String PROBLEMS = "import-problems.tsv";
    /** The summary file name. */
    public static final String SUMMARY = "import-report.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int SHOWN = 20;

    private final Path output;
    private final Map<String, Long> byKind;
    private final List<String> first;

    private ImportReport(Path output, Map<String, Long> byKind, List<String> first) {
        this.output = output;
        this.byKind = byKind;
        this.first = first;
    }

    /** Writes the problems file from the chunks' sidecars (in {@code records} order). */
    static ImportReport write(Path output, Path chunkDir, List<ChunkRecord> records) {
        Map<String, Long> byKind = new LinkedHashMap<>();
        Problem.KINDS.forEach(k -> byKind.put(k, 0L));
        List<String> first = new java.util.ArrayList<>();
        Path file = output.resolve(PROBLEMS);
        Path temp = output.resolve(PROBLEMS + ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            out.write("kind\tproduct_id\tfile\tline\tdetail\n");
            for (ChunkRecord r : records) {
                try (BufferedReader in = Files.newBufferedReader(ChunkSink.problemsFile(chunkDir, r.unit()),
                        StandardCharsets.UTF_8)) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        out.write(line);
                        out.write('\n');
                        String[] f = line.split("\t", 5);
                        byKind.merge(f[0], 1L, Long::sum);
                        if (first.size() < SHOWN && f.length == 5) {
                            first.add(new Problem(f[0], f[1], f[2], Long.parseLong(f[3]), f[4]).describe());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        try {
            AtomicFiles.sync(temp);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.syncDirectory(output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return new ImportReport(output, byKind, first);
    }

    /** Writes the summary. */
    void finish(long items, Map<String, Long> rowsBySplit, int written, int reused, double seconds) {
        ObjectNode root = JSON.createObjectNode();
        root.put("items", items);
        root.put("rows", rowsBySplit.values().stream().mapToLong(Long::longValue).sum());
        root.set("rows_by_split", JSON.valueToTree(rowsBySplit));
        root.set("problems_by_kind", JSON.valueToTree(byKind));
        root.put("problems_file", PROBLEMS);
        ArrayNode shown = root.putArray("first_problems");
        first.forEach(shown::add);
        root.put("shards_written", written);
        root.put("shards_reused", reused);
        root.put("seconds", Math.round(seconds * 1000) / 1000.0);
        try {
            AtomicFiles.write(summary(), JSON.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path summary() {
        return output.resolve(SUMMARY);
    }

    Path problems() {
        return output.resolve(PROBLEMS);
    }

    Map<String, Long> problemsByKind() {
        return byKind;
    }
}
