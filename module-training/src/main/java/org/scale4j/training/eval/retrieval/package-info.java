/**
 * Retrieval evaluation (spec 3.3): blocked exact top-k search and the mAP@k / Prec@k metrics, both as the official
 * M5Product toolkit defines them and in the standard form.
 *
 * <p>Entry point: {@link org.scale4j.training.eval.retrieval.RetrievalEvaluator}. The metric formulas live in
 * {@link org.scale4j.training.eval.retrieval.ToolkitRetrievalMetrics} and
 * {@link org.scale4j.training.eval.retrieval.StandardRetrievalMetrics}; {@code docs/evaluation.md} works an example.
 */
package org.scale4j.training.eval.retrieval;
