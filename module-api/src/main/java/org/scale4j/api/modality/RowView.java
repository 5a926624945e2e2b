package org.scale4j.api.modality;

import java.util.List;
import java.util.Map;

/**
 * Read access to one dataset row, without Arrow types. Values are copied out of the Arrow buffers
 * on access; a view is valid only during the call it is passed to.
 */
public interface RowView {

    /** The product id of the row. */
    String id();

    /** Whether {@code column} is null (the modality is missing) in this row. */
    boolean isNull(String column);

    String string(String column);

    int[] ints(String column);

    float[] floats(String column);

    /** A {@link ColumnType#FLOAT_ROWS} value as {@code [rows][dim]}; float16 is widened. */
    float[][] floatRows(String column);

    List<Map.Entry<String, String>> keyValues(String column);

    double number(String column);

    /**
     * The number of elements of a list value ({@link ColumnType#FLOAT_ROWS} rows,
     * {@link ColumnType#KEY_VALUE_LIST} entries, {@link ColumnType#INT_LIST} ids); 0 when null.
     */
    default int listLength(String column) {
        if (isNull(column)) {
            return 0;
        }
        return floatRows(column).length;
    }

    /**
     * Copies the first {@code min(rows, maxRows)} rows of a {@link ColumnType#FLOAT_ROWS} value into
     * {@code dst} as float32 in {@code dst}'s byte order, starting at its position and advancing it.
     * Data loaders override this to copy straight out of their buffers (the one copy on the way
     * into a tensor); float16 is widened.
     *
     * @return the number of rows copied
     */
    default int copyFloatRows(String column, int maxRows, java.nio.ByteBuffer dst) {
        float[][] rows = floatRows(column);
        int n = Math.min(rows.length, maxRows);
        for (int r = 0; r < n; r++) {
            for (float v : rows[r]) {
                dst.putFloat(v);
            }
        }
        return n;
    }
}
