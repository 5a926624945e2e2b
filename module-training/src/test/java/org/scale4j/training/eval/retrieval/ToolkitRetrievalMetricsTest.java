package org.scale4j.training.eval.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Hand-computed toolkit Prec@k and AP@k (spec 3.3, evaluate_unit.py). */
class ToolkitRetrievalMetricsTest {

    private static final double EPS = 1e-12;

    // Rank list after the query's own id was dropped from the top 10: 9 items.
    // hit pattern:        r=1 T, 2 F, 3 T, 4 T, 5 F, 6 F, 7 T, 8 F, 9 F
    // |P(q)| = 6 (five other items with the query's label, plus the query itself).
    private static final boolean[] HITS = {true, false, true, true, false, false, true, false, false};

    @Test
    void atOne() {
        // k' = min(1, 6, 9) = 1; top-1 = T: Prec = 1/1 = 1; AP = (1/1) / 1 = 1.
        assertEquals(1.0, ToolkitRetrievalMetrics.precision(HITS, 1, 6), EPS);
        assertEquals(1.0, ToolkitRetrievalMetrics.averagePrecision(HITS, 1, 6), EPS);
    }

    @Test
    void atFive() {
        // k' = min(5, 6, 9) = 5; top-5 = T F T T F -> 3 hits: Prec = 3/5 = 0.6.
        // AP = (1/1 + 2/3 + 3/4) / 3 = 2.416666.../3 = 0.805555...
        assertEquals(0.6, ToolkitRetrievalMetrics.precision(HITS, 5, 6), EPS);
        assertEquals((1.0 + 2.0 / 3 + 3.0 / 4) / 3, ToolkitRetrievalMetrics.averagePrecision(HITS, 5, 6), EPS);
        assertEquals(0.8055555555555555, ToolkitRetrievalMetrics.averagePrecision(HITS, 5, 6), EPS);
    }

    @Test
    void atTenIsCutByThePositiveCount() {
        // k' = min(10, |P| = 6, 9) = 6: the hit at rank 7 is not counted.
        // top-6 = T F T T F F -> 3 hits: Prec = 3/6 = 0.5; AP = (1 + 2/3 + 3/4) / 3 = 0.805555...
        assertEquals(0.5, ToolkitRetrievalMetrics.precision(HITS, 10, 6), EPS);
        assertEquals(0.8055555555555555, ToolkitRetrievalMetrics.averagePrecision(HITS, 10, 6), EPS);
        assertEquals(6, ToolkitRetrievalMetrics.effectiveK(10, 6, 9));
    }

    @Test
    void atTenIsCutByTheShortRankList() {
        // |P| = 50, list of 9 (self dropped): k' = min(10, 50, 9) = 9.
        // 4 hits in 9: Prec = 4/9; AP = (1 + 2/3 + 3/4 + 4/7) / 4 = 2.988095.../4 = 0.747023...
        assertEquals(4.0 / 9, ToolkitRetrievalMetrics.precision(HITS, 10, 50), EPS);
        assertEquals(0.7470238095238095, ToolkitRetrievalMetrics.averagePrecision(HITS, 10, 50), EPS);
    }

    @Test
    void apIsNotDividedByThePositiveCount() {
        // hits F T F F T, |P| = 3: k' = min(5, 3, 5) = 3, top-3 = F T F.
        // Prec = 1/3; AP = (1/2) / 1 hit = 0.5 (a standard AP would divide by min(k, R) instead).
        boolean[] hits = {false, true, false, false, true};
        assertEquals(1.0 / 3, ToolkitRetrievalMetrics.precision(hits, 5, 3), EPS);
        assertEquals(0.5, ToolkitRetrievalMetrics.averagePrecision(hits, 5, 3), EPS);
    }

    @Test
    void apAtOneEqualsPrecisionAtOne() {
        boolean[][] lists = {{true}, {false}, {false, true}, {true, true, false}, {}};
        for (boolean[] l : lists) {
            for (int p = 1; p < 4; p++) {
                assertEquals(ToolkitRetrievalMetrics.precision(l, 1, p),
                        ToolkitRetrievalMetrics.averagePrecision(l, 1, p), 0.0);
            }
        }
    }

    @Test
    void noHitsAndEmptyListGiveZero() {
        // No hits: AP = 0 by definition; an empty list has k' = 0, where the toolkit would divide by zero.
        assertEquals(0.0, ToolkitRetrievalMetrics.averagePrecision(new boolean[] {false, false}, 5, 4), 0.0);
        assertEquals(0.0, ToolkitRetrievalMetrics.precision(new boolean[] {false, false}, 5, 4), 0.0);
        assertEquals(0.0, ToolkitRetrievalMetrics.precision(new boolean[0], 5, 4), 0.0);
        assertEquals(0.0, ToolkitRetrievalMetrics.averagePrecision(new boolean[0], 5, 4), 0.0);
    }
}
