package org.scale4j.training.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scale4j.training.eval.report.EvalReport;

class EvaluationVerdictTest {

    private static EvalReport report(String run, double dot, double cosine, double nmi) {
        return EvalReport.builder(run)
                .metric("retrieval-coarse/text/dot", "mAP@1", 0.99)
                .metric("retrieval-coarse/all/dot", "mAP@1", dot)
                .metric("retrieval-coarse/all/dot", "queries", 208)
                .metric("retrieval-coarse/all/cosine", "mAP@1", cosine)
                .metric("clustering/all", "nmi", nmi)
                .metric("clustering/all", "purity", 0.5)
                .build();
    }

    @Test
    void comparesTheHeadlineMetricsOfAllModalities() {
        EvaluationVerdict verdict = EvaluationVerdict.of(report("qs-untrained", 0.4135, 0.45, 0.52),
                report("qs", 0.6346, 0.70, 0.61));
        assertEquals(List.of(new EvaluationVerdict.Line("coarse retrieval mAP@1 (dot)", 0.4135, 0.6346),
                new EvaluationVerdict.Line("coarse retrieval mAP@1 (cosine)", 0.45, 0.70),
                new EvaluationVerdict.Line("clustering NMI", 0.52, 0.61)), verdict.lines());
        assertTrue(verdict.allImproved());
        assertEquals("""
                verdict, all modalities summed (qs vs qs-untrained):
                  coarse retrieval mAP@1 (dot)      41.35 ->  63.46   +22.11
                  coarse retrieval mAP@1 (cosine)   45.00 ->  70.00   +25.00
                  clustering NMI                    52.00 ->  61.00    +9.00
                  qs beats qs-untrained on every headline metric""", verdict.render());
        assertEquals("""
                ## Verdict

                All modalities summed, `qs` against `qs-untrained` (×100):

                | metric | qs-untrained | qs | change |
                |---|---:|---:|---:|
                | coarse retrieval mAP@1 (dot) | 41.35 | 63.46 | +22.11 |
                | coarse retrieval mAP@1 (cosine) | 45.00 | 70.00 | +25.00 |
                | clustering NMI | 52.00 | 61.00 | +9.00 |

                `qs` beats `qs-untrained` on every headline metric.
                """, verdict.renderMarkdown());
    }

    @Test
    void oneWorseMetricOrAnEqualOneIsNoWin() {
        EvaluationVerdict worse = EvaluationVerdict.of(report("a", 0.40, 0.45, 0.52), report("b", 0.60, 0.44, 0.61));
        assertFalse(worse.allImproved());
        assertTrue(worse.render().endsWith("  b does NOT beat a on every headline metric"), worse.render());
        assertTrue(worse.renderMarkdown().endsWith("`b` does **not** beat `a` on every headline metric.\n"));
        assertFalse(EvaluationVerdict.of(report("a", 0.4, 0.4, 0.4), report("b", 0.4, 0.5, 0.5)).allImproved());
    }

    @Test
    void onlyMetricsBothReportsHaveAreCompared() {
        EvalReport partial = EvalReport.builder("b").metric("clustering/all", "nmi", 0.7).build();
        EvaluationVerdict verdict = EvaluationVerdict.of(report("a", 0.4, 0.4, 0.5), partial);
        assertEquals(List.of(new EvaluationVerdict.Line("clustering NMI", 0.5, 0.7)), verdict.lines());
        assertTrue(verdict.allImproved());
        EvaluationVerdict none = EvaluationVerdict.of(EvalReport.builder("a").build(), partial);
        assertFalse(none.allImproved());
        assertEquals("verdict, all modalities summed (b vs a):\n  (no headline metrics to compare)", none.render());
    }
}
