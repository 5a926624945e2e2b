package org.scale4j.training.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalReportTest {

    private static EvalReport sample(String run, double map1, String similarity) {
        return EvalReport.builder(run)
                .config("similarity", similarity)
                .config("checkpoint", "step-300")
                .metric("retrieval-coarse/image+text", "mAP@1", map1)
                .metric("retrieval-coarse/image+text", "Prec@1", map1)
                .metric("retrieval-coarse/image+text", "queries", 1991)
                .metric("classification", "accuracy", 0.8557)
                .build();
    }

    @Test
    void consoleTable() {
        assertEquals("""
                task                         metric     value
                ---------------------------  --------  ------
                retrieval-coarse/image+text  mAP@1     0.5147
                retrieval-coarse/image+text  Prec@1    0.5147
                retrieval-coarse/image+text  queries     1991
                classification               accuracy  0.8557
                """, sample("a", 0.5147, "dot").renderTable(false));
        assertEquals("""
                task                         metric    value
                ---------------------------  --------  -----
                retrieval-coarse/image+text  mAP@1     51.47
                retrieval-coarse/image+text  Prec@1    51.47
                retrieval-coarse/image+text  queries    1991
                classification               accuracy  85.57
                """, sample("a", 0.5147, "dot").renderTable(true));
    }

    @Test
    void markdown() {
        assertEquals("""
                # Evaluation: a

                ## Configuration

                | setting | value |
                |---|---|
                | similarity | dot |
                | checkpoint | step-300 |

                ## Results (rates x100)

                | task | metric | value |
                |---|---|---:|
                | retrieval-coarse/image+text | mAP@1 | 51.47 |
                | retrieval-coarse/image+text | Prec@1 | 51.47 |
                | retrieval-coarse/image+text | queries | 1991 |
                | classification | accuracy | 85.57 |
                """, sample("a", 0.5147, "dot").renderMarkdown(true));
    }

    @Test
    void jsonRoundTripThroughFiles(@TempDir Path dir) throws IOException {
        EvalReport r = EvalReport.builder("run \"quoted\"")
                .config("note", "tab\there")
                .metric("clustering", "nmi", 0.123456789012345)
                .metric("clustering", "missing", Double.NaN)
                .build();
        r.writeTo(dir);
        String json = Files.readString(dir.resolve("results.json"));
        assertEquals("""
                {
                  "format": "scale4j-eval-results",
                  "version": 1,
                  "run": "run \\"quoted\\"",
                  "config": {
                    "note": "tab\\there"
                  },
                  "tasks": {
                    "clustering": {
                      "nmi": 0.123456789012345,
                      "missing": null
                    }
                  }
                }
                """, json);
        EvalReport back = EvalReport.read(dir);
        assertEquals(r.run(), back.run());
        assertEquals(r.config(), back.config());
        assertEquals(0.123456789012345, back.tasks().get("clustering").get("nmi"), 0.0);
        assertTrue(Double.isNaN(back.tasks().get("clustering").get("missing")));
        assertTrue(Files.readString(dir.resolve("results.md")).startsWith("# Evaluation: run \"quoted\"\n"));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temp files left behind");
        }
    }

    @Test
    void compareSideBySide() {
        String text = EvalReport.compare(List.of(sample("base", 0.5, "dot"), EvalReport.builder("ablation")
                .config("similarity", "cosine")
                .config("checkpoint", "step-300")
                .metric("retrieval-coarse/image+text", "mAP@1", 0.25)
                .metric("clustering", "nmi", 0.75)
                .build())).renderTable(true);
        assertEquals("""
                task                         metric     base  ablation
                ---------------------------  --------  -----  --------
                retrieval-coarse/image+text  mAP@1     50.00     25.00
                retrieval-coarse/image+text  Prec@1    50.00         -
                retrieval-coarse/image+text  queries    1991         -
                classification               accuracy  85.57         -
                clustering                   nmi           -     75.00

                settings that differ:
                setting     base  ablation
                ----------  ----  --------
                similarity   dot    cosine
                """, text);
    }

    @Test
    void clearErrorsForForeignFiles(@TempDir Path dir) throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EvalReport.read(dir));
        assertEquals("no results.json at " + dir.resolve("results.json") + "; run `scale4j eval` on that run first",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EvalReport.fromJson(
                "{\"format\": \"scale4j-eval-results\", \"version\": 2, \"run\": \"x\", \"tasks\": {}}", "f.json"));
        assertEquals("f.json: unsupported results version 2.0 (this build reads 1)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EvalReport.fromJson("{\"a\": 1}", "g.json"));
        assertEquals("g.json: not a scale4j results file (format is null, expected \"scale4j-eval-results\")",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EvalReport.fromJson("{\"a\": [1, 2}", "h.json"));
        assertEquals("h.json: invalid JSON at line 1 (offset 11): expected ']'", e.getMessage());
    }
}
