package org.scale4j.objectives;

/** How the modality weight of spec 2.6(b) enters a masked loss (recipe key {@code weighting}). */
enum Weighting {
    /** Multiply the head output per sample (released; spec 2.8, quirk Q4 for regression). */
    OUTPUT,
    /** Multiply each sample's loss terms. */
    LOSS,
    /** Ignore the modality weight. */
    NONE;

    static Weighting of(String recipeName) {
        return valueOf(recipeName.toUpperCase(java.util.Locale.ROOT));
    }
}
