package org.scale4j.training.eval.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scale4j.training.eval.FeatureMatrix;
import org.scale4j.training.eval.Similarity;

/**
 * Golden values from running the official toolkit scripts on fixed data (see toolkit-crosscheck/README.md): the
 * rank lists must match byte for byte and mAP/Prec at 1, 5 and 10 exactly.
 */
class ToolkitCrossCheckTest {

    private static final RetrievalConfig CONFIG = new RetrievalConfig(Similarity.DOT, RetrievalConfig.PAPER_KS, 16,
            64, 2);

    @Test
    void leaveOneOutMatchesTheOfficialScripts() throws IOException {
        RetrievalSet set = load("loo");
        RetrievalResult r = RetrievalEvaluator.leaveOneOut(set, CONFIG);
        assertEquals(read("toolkit-ranklists-loo.txt"), r.toolkitRankListText(set, set));
        assertMetrics(expected("toolkit-metrics-loo.txt"), r.metrics());
    }

    @Test
    void separateQueryAndGalleryMatchTheOfficialScripts() throws IOException {
        RetrievalSet queries = load("query");
        RetrievalSet gallery = load("gallery");
        RetrievalResult r = RetrievalEvaluator.evaluate(queries, gallery, CONFIG);
        assertEquals(read("toolkit-ranklists-sep.txt"), r.toolkitRankListText(queries, gallery));
        assertMetrics(expected("toolkit-metrics-sep.txt"), r.metrics());
    }

    private static void assertMetrics(Map<String, Double> expected, Map<String, Double> actual) {
        assertEquals(6, expected.size());
        // Same operations in the same order as the Python script, so the doubles agree to the last bit.
        expected.forEach((name, v) -> assertEquals(v, actual.get(name), 0.0, name));
    }

    private static Map<String, Double> expected(String file) throws IOException {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String line : read(file).split("\n")) {
            if (!line.startsWith("#")) {
                String[] kv = line.split(" ");
                m.put(kv[0], Double.parseDouble(kv[1]));
            }
        }
        return m;
    }

    private static RetrievalSet load(String name) throws IOException {
        List<String> ids = new ArrayList<>();
        List<Long> labels = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        for (String line : read(name + ".csv").split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(",");
            ids.add(parts[0]);
            labels.add(Long.parseLong(parts[1]));
            String[] vals = parts[2].split(" ");
            float[] row = new float[vals.length];
            for (int i = 0; i < vals.length; i++) {
                row[i] = Float.parseFloat(vals[i]);
            }
            rows.add(row);
        }
        long[] l = labels.stream().mapToLong(Long::longValue).toArray();
        return new RetrievalSet(name, FeatureMatrix.of(rows.toArray(new float[0][])), ids.toArray(new String[0]), l);
    }

    private static String read(String file) throws IOException {
        try (InputStream in = ToolkitCrossCheckTest.class.getResourceAsStream("toolkit-crosscheck/" + file)) {
            if (in == null) {
                throw new IOException("missing test resource toolkit-crosscheck/" + file);
            }
            StringBuilder b = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    b.append(line).append('\n');
                }
            }
            return b.toString();
        }
    }
}
