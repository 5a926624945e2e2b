/**
 * Evaluation reports: {@link org.scale4j.training.eval.report.EvalReport} (task to metric to value, plus the
 * configuration used), rendered as a console table, {@code results.json} and {@code results.md}, read back from
 * {@code results.json}, and compared side by side with {@link org.scale4j.training.eval.report.ReportComparison}.
 * Files are written atomically with {@link org.scale4j.training.io.AtomicFiles}. No JSON library is used:
 * {@code module-training} stays dependency-free here.
 */
package org.scale4j.training.eval.report;
