/**
 * Pure-Java evaluation math for scale4j (spec section 3): feature matrices, the dot-product kernel, embedding
 * combinations and the shared {@link org.scale4j.training.eval.Similarity}.
 *
 * <p>Nothing here depends on DJL: features arrive as plain row-major {@code float[]} arrays
 * ({@link org.scale4j.training.eval.FeatureMatrix}), so the metrics are fast, deterministic and testable by hand.
 * Sub-packages hold the tasks: {@code retrieval} (blocked top-k, toolkit and standard mAP/Prec), {@code
 * classification} (linear probe), {@code clustering} (k-means++, NMI, purity, ARI) and {@code report}
 * ({@code EvalReport}, console/JSON/Markdown rendering, run comparison).
 */
package org.scale4j.training.eval;
