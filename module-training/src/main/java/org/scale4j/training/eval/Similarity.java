package org.scale4j.training.eval;

/** How a query row is scored against a gallery row. */
public enum Similarity {
    /** Raw dot product, no normalisation: what the released retrieval script does (spec 3.3 step 1). */
    DOT("dot"),
    /** Dot product of L2-normalised rows; an all-zero row scores 0 against everything. */
    COSINE("cosine");

    private final String label;

    Similarity(String label) {
        this.label = label;
    }

    /** Lower-case name used in reports and recipes ({@code dot}, {@code cosine}). */
    public String label() {
        return label;
    }

    /** Parses {@code dot} or {@code cosine} (case-insensitive), naming the allowed values on failure. */
    public static Similarity parse(String s) {
        for (Similarity v : values()) {
            if (v.label.equalsIgnoreCase(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown similarity '" + s + "'; allowed: dot, cosine");
    }

    /** Returns the matrix to score with: itself for DOT, row-normalised copy for COSINE. */
    public FeatureMatrix prepare(FeatureMatrix m) {
        return this == COSINE ? m.l2Normalized() : m;
    }
}
