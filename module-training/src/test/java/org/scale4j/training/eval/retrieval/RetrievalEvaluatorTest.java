package org.scale4j.training.eval.retrieval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scale4j.training.eval.FeatureMatrix;
import org.scale4j.training.eval.Similarity;

class RetrievalEvaluatorTest {

    private static final double EPS = 1e-12;

    private static RetrievalConfig config(Similarity s, Integer... ks) {
        return new RetrievalConfig(s, List.of(ks), 2, 3, 2);
    }

    /*
     * Leave-one-out on five items with integer features (exact float scores), ks = {1, 3} so max_topk = 3.
     *   a0 = (4,0) L0   a1 = (3,1) L0   a2 = (2,2) L1   a3 = (0,4) L1   a4 = (1,1) L0
     * Dot products (ties by lower index):
     *   q0: 16 12 8 0 4   -> 0 1 2 4 3        q1: 12 10 8 4 4 -> 0 1 2 3 4
     *   q2:  8  8 8 8 4   -> 0 1 2 3 4        q3:  0 4 8 16 4 -> 3 2 1 4 0
     *   q4:  4  4 4 4 2   -> 0 1 2 3 4
     * |P| (toolkit, query included): L0 = 3, L1 = 2. R (standard, query excluded): L0 = 2, L1 = 1.
     *
     * Toolkit: top-3, self dropped; k' = min(k, |P|, len).
     *   q0: [1,2] = T F   @1: 1, 1   @3: k'=2, Prec 1/2, AP 1
     *   q1: [0,2] = T F   @1: 1, 1   @3: k'=2, Prec 1/2, AP 1
     *   q2: [0,1] = F F   @1: 0, 0   @3: k'=2, Prec 0,   AP 0
     *   q3: [2,1] = T F   @1: 1, 1   @3: k'=2, Prec 1/2, AP 1
     *   q4: [0,1,2] = T T F (self not in top-3)  @1: 1, 1   @3: k'=3, Prec 2/3, AP (1 + 2/2)/2 = 1
     *   mAP@1 = Prec@1 = 4/5 = 0.8; mAP@3 = 4/5 = 0.8; Prec@3 = (1/2+1/2+0+1/2+2/3)/5 = 0.433333...
     * Standard: top-4 minus self, first 3.
     *   q0: [1,2,4] = T F T, R=2: P@1 1, AP@1 1; P@3 2/3, AP@3 (1 + 2/3)/min(3,2) = 0.833333...
     *   q1: [0,2,3] = T F F, R=2: P@1 1, AP@1 1; P@3 1/3, AP@3 1/2
     *   q2: [0,1,3] = F F T, R=1: P@1 0, AP@1 0; P@3 1/3, AP@3 (1/3)/1 = 1/3
     *   q3: [2,1,4] = T F F, R=1: P@1 1, AP@1 1; P@3 1/3, AP@3 1/1 = 1
     *   q4: [0,1,2] = T T F, R=2: P@1 1, AP@1 1; P@3 2/3, AP@3 (1 + 1)/2 = 1
     *   std-mAP@1 = 0.8; std-Prec@1 = 0.8; std-mAP@3 = (5/6 + 1/2 + 1/3 + 1 + 1)/5 = 11/15 = 0.733333...;
     *   std-Prec@3 = (2/3 + 1/3 + 1/3 + 1/3 + 2/3)/5 = 7/15 = 0.466666...
     */
    @Test
    void leaveOneOutHandCase() {
        RetrievalSet set = new RetrievalSet("subset test", FeatureMatrix.of(new float[][] {
            {4, 0}, {3, 1}, {2, 2}, {0, 4}, {1, 1}}), new String[] {"a0", "a1", "a2", "a3", "a4"},
                new long[] {0, 0, 1, 1, 0});
        RetrievalResult r = RetrievalEvaluator.leaveOneOut(set, config(Similarity.DOT, 1, 3));
        Map<String, Double> m = r.metrics();
        assertEquals(List.of("mAP@1", "mAP@3", "Prec@1", "Prec@3", "std-mAP@1", "std-mAP@3", "std-Prec@1",
                "std-Prec@3", "queries", "queries-without-positives"), List.copyOf(m.keySet()));
        assertEquals(0.8, m.get("mAP@1"), EPS);
        assertEquals(0.8, m.get("Prec@1"), EPS);
        assertEquals(0.8, m.get("mAP@3"), EPS);
        assertEquals(13.0 / 30, m.get("Prec@3"), EPS);
        assertEquals(0.8, m.get("std-mAP@1"), EPS);
        assertEquals(0.8, m.get("std-Prec@1"), EPS);
        assertEquals(11.0 / 15, m.get("std-mAP@3"), EPS);
        assertEquals(7.0 / 15, m.get("std-Prec@3"), EPS);
        assertEquals(5.0, m.get("queries"));
        assertEquals(0.0, m.get("queries-without-positives"));
        assertArrayEquals(new int[] {0, 1, 2}, r.toolkitRankList(4));
        assertArrayEquals(new int[] {1, 2}, r.toolkitRankList(0));
        assertArrayEquals(new int[] {1, 2, 4}, r.standardRankList(0));
        assertEquals("a0,a1,a2\na1,a0,a2\na2,a0,a1\na3,a2,a1\na4,a0,a1,a2\n", r.toolkitRankListText(set, set));
    }

    /*
     * Separate query and gallery sets, ks = {1, 2} (max_topk 2, top-3 retrieved).
     *   gallery: g0 (3,0) A   g1 (2,0) B   g2 (1,0) A   g3 (0,1) C
     *   queries: qa (1,0) A   qz (1,0) Z   qc (0,1) C   (no query id is in the gallery)
     * |P| counts ids over queries ∪ gallery: A = 3 (g0, g2, qa), Z = 1 (qz), C = 2 (g3, qc).
     *   qa: scores 3 2 1 0 -> [g0, g1] = T F.  @1: 1, 1.  @2: k' = min(2,3,2) = 2: Prec 1/2, AP 1.
     *       standard R = 2: P@1 1, AP@1 1; P@2 1/2, AP@2 1/min(2,2) = 1/2.
     *   qz: [g0, g1] = F F; |P| = 1 so k' = 1 at both k: 0, 0. Standard: R = 0, left out of std-mAP.
     *   qc: scores 0 0 0 1 -> [g3, g0] = T F.  @2: k' = min(2, |P|=2, 2) = 2: Prec 1/2, AP 1.
     *       (Were qc not counted in P, k' would be 1 and Prec@2 would be 1.)
     *       standard R = 1: P@1 1, AP@1 1; P@2 1/2, AP@2 1/min(2,1) = 1.
     *   mAP@1 = Prec@1 = 2/3; mAP@2 = 2/3; Prec@2 = (1/2 + 0 + 1/2)/3 = 1/3.
     *   std-mAP@1 = (1 + 1)/2 = 1; std-mAP@2 = (1/2 + 1)/2 = 3/4; std-Prec@1 = 2/3; std-Prec@2 = 1/3.
     */
    @Test
    void separateQueryAndGalleryHandCase() {
        RetrievalSet gallery = new RetrievalSet("gallery", FeatureMatrix.of(new float[][] {
            {3, 0}, {2, 0}, {1, 0}, {0, 1}}), new String[] {"g0", "g1", "g2", "g3"}, new long[] {10, 11, 10, 12});
        RetrievalSet queries = new RetrievalSet("query", FeatureMatrix.of(new float[][] {{1, 0}, {1, 0}, {0, 1}}),
                new String[] {"qa", "qz", "qc"}, new long[] {10, 99, 12});
        Map<String, Double> m = RetrievalEvaluator.evaluate(queries, gallery, config(Similarity.DOT, 1, 2)).metrics();
        assertEquals(2.0 / 3, m.get("mAP@1"), EPS);
        assertEquals(2.0 / 3, m.get("Prec@1"), EPS);
        assertEquals(2.0 / 3, m.get("mAP@2"), EPS);
        assertEquals(1.0 / 3, m.get("Prec@2"), EPS);
        assertEquals(1.0, m.get("std-mAP@1"), EPS);
        assertEquals(0.75, m.get("std-mAP@2"), EPS);
        assertEquals(2.0 / 3, m.get("std-Prec@1"), EPS);
        assertEquals(1.0 / 3, m.get("std-Prec@2"), EPS);
        assertEquals(1.0, m.get("queries-without-positives"));
    }

    /*
     * q = (1,0); gallery g0 = (10,10) L1, g1 = (1,0) L2.
     * dot:    g0 = 10, g1 = 1           -> g0 first.
     * cosine: g0 = 10/(1*14.142) = 0.7071, g1 = 1 -> g1 first.
     * With the query labelled L2, toolkit Prec@1 is 0 under dot and 1 under cosine.
     */
    @Test
    void cosineAndDotRankDifferently() {
        RetrievalSet gallery = new RetrievalSet("gallery", FeatureMatrix.of(new float[][] {{10, 10}, {1, 0}}),
                new String[] {"g0", "g1"}, new long[] {1, 2});
        RetrievalSet query = new RetrievalSet("query", FeatureMatrix.of(new float[][] {{1, 0}}), new String[] {"q"},
                new long[] {2});
        RetrievalResult dot = RetrievalEvaluator.evaluate(query, gallery, config(Similarity.DOT, 1));
        RetrievalResult cos = RetrievalEvaluator.evaluate(query, gallery, config(Similarity.COSINE, 1));
        assertEquals(0, dot.topK().index(0, 0));
        assertEquals(10f, dot.topK().score(0, 0), 0f);
        assertEquals(1, cos.topK().index(0, 0));
        assertEquals(1f, cos.topK().score(0, 0), 1e-6f);
        assertEquals((float) (10 / Math.sqrt(200)), cos.topK().score(0, 1), 1e-6f);
        assertEquals(0.0, dot.metrics().get("Prec@1"), EPS);
        assertEquals(1.0, cos.metrics().get("Prec@1"), EPS);
    }

    @Test
    void leaveOneOutExcludesSelf() {
        // Every row scores highest against itself (unit vectors, cosine), so the top-1 is always the query.
        Random rnd = new Random(7);
        int n = 60;
        float[][] rows = new float[n][8];
        String[] ids = new String[n];
        long[] labels = new long[n];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 8; d++) {
                rows[i][d] = (float) rnd.nextGaussian();
            }
            ids[i] = "p" + i;
            labels[i] = i % 4;
        }
        RetrievalSet set = new RetrievalSet("set", FeatureMatrix.of(rows), ids, labels);
        RetrievalResult r = RetrievalEvaluator.leaveOneOut(set, config(Similarity.COSINE, 1, 5, 10));
        for (int q = 0; q < n; q++) {
            assertEquals(q, r.topK().index(q, 0), "self ranks first before removal");
            assertEquals(q, r.selfIndex()[q]);
            int[] tk = r.toolkitRankList(q);
            int[] std = r.standardRankList(q);
            assertEquals(9, tk.length, "toolkit keeps the top 10 minus self");
            assertEquals(10, std.length, "standard list is a full top 10 without self");
            for (int g : std) {
                assertNotEquals(q, g);
            }
            assertArrayEquals(java.util.Arrays.copyOf(std, 9), tk);
        }
    }

    @Test
    void mapAtOneEqualsPrecAtOneUnderTheToolkitDefinition() {
        Random rnd = new Random(3);
        int n = 300;
        float[] data = new float[n * 16];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) rnd.nextGaussian();
        }
        String[] ids = new String[n];
        long[] labels = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = Integer.toString(i);
            labels[i] = rnd.nextInt(7);
        }
        RetrievalSet set = new RetrievalSet("set", new FeatureMatrix(data, n, 16), ids, labels);
        for (Similarity s : Similarity.values()) {
            Map<String, Double> m = RetrievalEvaluator.leaveOneOut(set, config(s, 1, 5, 10)).metrics();
            assertEquals(m.get("Prec@1"), m.get("mAP@1"), 0.0);
        }
    }

    @Test
    void resultsDoNotDependOnBlocksOrThreads() {
        Random rnd = new Random(11);
        int n = 257;
        float[] data = new float[n * 9];
        for (int i = 0; i < data.length; i++) {
            data[i] = rnd.nextInt(5) - 2; // small integers: many exact ties
        }
        String[] ids = new String[n];
        long[] labels = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "id" + i;
            labels[i] = rnd.nextInt(5);
        }
        RetrievalSet set = new RetrievalSet("set", new FeatureMatrix(data, n, 9), ids, labels);
        Map<String, Double> a = RetrievalEvaluator.leaveOneOut(set,
                new RetrievalConfig(Similarity.DOT, RetrievalConfig.PAPER_KS, 1, 1, 1)).metrics();
        Map<String, Double> b = RetrievalEvaluator.leaveOneOut(set,
                new RetrievalConfig(Similarity.DOT, RetrievalConfig.PAPER_KS, 50, 17, 3)).metrics();
        assertEquals(a, b);
    }

    @Test
    void rejectsDuplicateGalleryIdsAndNonFiniteFeatures() {
        RetrievalSet dup = new RetrievalSet("coarse gallery", FeatureMatrix.of(new float[][] {{1}, {2}, {3}}),
                new String[] {"x", "y", "x"}, new long[] {1, 1, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RetrievalEvaluator.leaveOneOut(dup, config(Similarity.DOT, 1)));
        assertEquals("coarse gallery: id 'x' appears in rows 0 and 2; gallery ids must be unique", e.getMessage());

        RetrievalSet nan = new RetrievalSet("fg query", FeatureMatrix.of(new float[][] {{1, 2}, {Float.NaN, 0}}),
                new String[] {"x", "y"}, new long[] {1, 1});
        e = assertThrows(IllegalArgumentException.class,
                () -> RetrievalEvaluator.leaveOneOut(nan, config(Similarity.DOT, 1)));
        assertEquals("fg query: row 1, column 0 is NaN; features must be finite (check the feature extraction)",
                e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> new RetrievalSet("s",
                FeatureMatrix.of(new float[][] {{1}}), new String[] {"a", "b"}, new long[] {1}));
        assertEquals("s: 2 ids for 1 feature rows", e.getMessage());
    }
}
