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
}
