/**
 * Training monitors: {@link org.scale4j.training.monitor.TensorBoardListener} turns the training
 * loop's callbacks (step scalars, modality-pair graph, histograms, recipe, hparams, embeddings)
 * into a TensorBoard run in the run directory. The benchmark in the {@code bench} sub-package is
 * not exported.
 */
package org.scale4j.training.monitor;
