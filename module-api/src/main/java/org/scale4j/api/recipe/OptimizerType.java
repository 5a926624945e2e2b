package org.scale4j.api.recipe;

/** {@code trainer.optimizer.type}. */
public enum OptimizerType {
    /** AdamW: Adam with decoupled weight decay and bias correction. */
    ADAMW,
    /** BERT's Adam as in the released SCALE code: no bias correction, decoupled weight decay (spec 2.10). */
    BERT_ADAM
}
