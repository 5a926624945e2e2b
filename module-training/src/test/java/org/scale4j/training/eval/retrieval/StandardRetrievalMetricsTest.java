package org.scale4j.training.eval.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Hand-computed standard Prec@k and AP@k = Σ_{hit r<=k} P@r / min(k, R). */
class StandardRetrievalMetricsTest {

    private static final double EPS = 1e-12;

    // The standard list excludes the query and holds 10 items.
    // hits at ranks 1, 3, 4, 7, 10; R = 5 relevant gallery items besides the query.
    private static final boolean[] HITS = {true, false, true, true, false, false, true, false, false, true};

    @Test
    void atOne() {
        // P@1 = 1/1; AP@1 = (1/1) / min(1, 5) = 1.
        assertEquals(1.0, StandardRetrievalMetrics.precision(HITS, 1), EPS);
        assertEquals(1.0, StandardRetrievalMetrics.averagePrecision(HITS, 1, 5), EPS);
    }

    @Test
    void atFive() {
        // P@5 = 3/5 = 0.6; AP@5 = (1/1 + 2/3 + 3/4) / min(5, 5) = 2.416666.../5 = 0.483333...
        assertEquals(0.6, StandardRetrievalMetrics.precision(HITS, 5), EPS);
        assertEquals(0.48333333333333334, StandardRetrievalMetrics.averagePrecision(HITS, 5, 5), EPS);
    }

    @Test
    void atTen() {
        // P@10 = 5/10 = 0.5; AP@10 = (1 + 2/3 + 3/4 + 4/7 + 5/10) / min(10, 5) = 3.488095.../5 = 0.697619...
        assertEquals(0.5, StandardRetrievalMetrics.precision(HITS, 10), EPS);
        assertEquals(0.6976190476190476, StandardRetrievalMetrics.averagePrecision(HITS, 10, 5), EPS);
    }

    @Test
    void fewRelevantItems() {
        // R = 1, hit at rank 3: AP@10 = (1/3) / min(10, 1) = 1/3; P@10 = 1/10 (missing ranks are misses).
        boolean[] hits = {false, false, true, false};
        assertEquals(1.0 / 3, StandardRetrievalMetrics.averagePrecision(hits, 10, 1), EPS);
        assertEquals(0.1, StandardRetrievalMetrics.precision(hits, 10), EPS);
    }

    @Test
    void undefinedWithoutRelevantItems() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StandardRetrievalMetrics.averagePrecision(HITS, 5, 0));
        assertEquals("AP@k is undefined without relevant items (relevant = 0); leave such queries out of mAP",
                e.getMessage());
    }
}
