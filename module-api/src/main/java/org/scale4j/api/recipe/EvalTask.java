package org.scale4j.api.recipe;

/** A downstream evaluation task (spec section 3). */
public enum EvalTask {
    /** Coarse (category) and fine-grained (product group) retrieval: mAP@k and Prec@k. */
    RETRIEVAL,
    /** Top-1 accuracy of a linear probe on the category. */
    CLASSIFICATION,
    /** k-means on the features: NMI and purity against the category. */
    CLUSTERING
}
