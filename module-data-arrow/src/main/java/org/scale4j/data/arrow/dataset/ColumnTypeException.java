package org.scale4j.data.arrow.dataset;

import org.scale4j.api.data.DataException;

/** A column read with an accessor its Arrow type does not support; the opener adds the recipe key. */
public final class ColumnTypeException extends DataException {

    private static final long serialVersionUID = 1L;

    ColumnTypeException(String message) {
        super(message);
    }
}
