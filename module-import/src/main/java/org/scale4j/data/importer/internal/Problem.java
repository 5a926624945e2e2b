package org.scale4j.data.importer.internal;

/**
 * One per-item problem: a missing or corrupt source item that was skipped (its modality is null in
 * the output, or the whole row is dropped when even its id is unreadable).
 *
 * @param kind what went wrong, one of {@link #KINDS}
 * @param productId the product id ("" when the line had none)
 * @param file the source file
 * @param line the 1-based line of a TSV/text source, or 0 when not line-based
 * @param detail what was found and what to do
 */
public record Problem(String kind, String productId, String file, long line, String detail) {

    /** A per-item {@code .npy} (video or audio) that does not exist. */
    public static final String MISSING_FILE = "missing-file";
    /** A file or field that cannot be decoded (bad .npy header, bad base64, unsupported dtype). */
    public static final String CORRUPT = "corrupt";
    /** Decoded data whose shape is not the expected one (dims, box count, row count). */
    public static final String WRONG_SHAPE = "wrong-shape";
    /** A TSV line without the 7 tab-separated columns or with non-numeric sizes. */
    public static final String BAD_LINE = "bad-line";
    /** A product of the image TSV that has no entry in the caption JSON. */
    public static final String MISSING_CAPTION = "missing-caption";
    /** A product id seen a second time; the later line is skipped. */
    public static final String DUPLICATE_ID = "duplicate-id";
    /** A {@code pv} item without the {@code #:#} separator; the item is skipped. */
    public static final String BAD_TABLE_ITEM = "bad-table-item";

    /** All kinds, in report order. */
    public static final java.util.List<String> KINDS = java.util.List.of(MISSING_FILE, CORRUPT, WRONG_SHAPE,
            BAD_LINE, MISSING_CAPTION, DUPLICATE_ID, BAD_TABLE_ITEM);

    /** The problem as one human-readable sentence (used by {@code --strict} failures). */
    public String describe() {
        return file + (line > 0 ? ":" + line : "") + ": product " + (productId.isEmpty() ? "(no id)" : productId)
                + ": " + kind + ": " + detail;
    }
}
