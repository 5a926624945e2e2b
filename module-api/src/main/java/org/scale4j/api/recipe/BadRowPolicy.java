package org.scale4j.api.recipe;

/** What the data layer does with a row that fails validation ({@code data.on_bad_row}). */
public enum BadRowPolicy {
    /** Stop with an error naming the file, column, row id and recipe key. */
    FAIL,
    /** Skip the row, count it and report the count (and the first few reasons) at the end. */
    SKIP
}
