/**
 * Neural-network building blocks shared by plugin modules: standard transformer layers (post-LN
 * BERT and pre-LN CLIP style, built from DJL's attention, {@code LayerNorm} over the hidden axis
 * only, and {@code Linear}), key-mask helpers, activations and the BERT initialisation.
 *
 * <p>They live in the api so that encoders, fusions and third-party plugins share one
 * implementation without depending on each other (plugin modules never depend on each other).
 * DJL's own {@code TransformerEncoderBlock} is not used: it normalises with BatchNorm and adds a
 * non-standard residual (djl-notes pitfall 8).
 */
package org.scale4j.api.nn;
