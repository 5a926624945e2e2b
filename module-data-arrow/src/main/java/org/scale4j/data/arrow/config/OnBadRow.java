package org.scale4j.data.arrow.config;

/** The values of {@code data.source.on_bad_row}. */
public final class OnBadRow {

    public static final String FAIL = "fail";
    public static final String SKIP = "skip";

    private OnBadRow() {
    }

    /** Fails unless {@code value} is {@code fail} or {@code skip}. */
    static void check(String value) {
        if (!value.equals(FAIL) && !value.equals(SKIP)) {
            throw new IllegalArgumentException("on_bad_row must be fail or skip, got '" + value + "'");
        }
    }
}
