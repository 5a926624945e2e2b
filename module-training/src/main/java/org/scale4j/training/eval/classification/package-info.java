/**
 * Classification on frozen features (spec 3.4, "a linear probe"): multinomial logistic regression on standardised
 * features, trained with a deterministic full-batch L-BFGS. Entry point:
 * {@link org.scale4j.training.eval.classification.LinearProbe}.
 */
package org.scale4j.training.eval.classification;
