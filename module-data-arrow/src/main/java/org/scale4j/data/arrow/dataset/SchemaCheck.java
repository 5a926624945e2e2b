package org.scale4j.data.arrow.dataset;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.scale4j.api.data.DataException;
import org.scale4j.api.modality.ColumnRequirement;
import org.scale4j.api.modality.ColumnType;

/** Checks a shard's schema against the columns the recipe asks for; failures name file, column and recipe key. */
final class SchemaCheck {

    private SchemaCheck() {
    }

    /** Fails unless {@code schema} has the column with the type and dim of {@code req}. */
    static void require(String file, Schema schema, ColumnRequirement req) {
        Field field = find(schema, req.column());
        if (field == null) {
            throw new DataException(file + ": column '" + req.column() + "' not found (recipe key " + req.recipeKey()
                    + "); the file has columns " + schema.getFields().stream().map(Field::getName).toList()
                    + ". Name an existing column or add it to the data");
        }
        if (field.getDictionary() != null) {
            throw new DataException(file + ": column '" + req.column() + "' is dictionary-encoded; write it as plain "
                    + ColumnTypes.expected(req.type(), req.dim()));
        }
        if (!ColumnTypes.matches(field, req.type())) {
            throw new DataException(file + ": column '" + req.column() + "' is " + ColumnTypes.describe(field)
                    + ", expected " + ColumnTypes.expected(req.type(), req.dim()) + " (recipe key " + req.recipeKey()
                    + "); point the recipe at a column of that type or convert the data");
        }
        if (req.dim() > 0 && (req.type() == ColumnType.FLOAT_ROWS || req.type() == ColumnType.FLOAT_VECTOR)) {
            int dim = ColumnTypes.dim(field);
            if (dim != req.dim()) {
                throw new DataException(file + ": column '" + req.column() + "' has vectors of size " + dim
                        + " but the recipe says " + req.dim() + " (recipe key " + dimKey(req) + "); set it to " + dim
                        + " or re-export the features");
            }
        }
    }

    /** Fails unless the id column exists and is utf8. */
    static void requireId(String file, Schema schema, SourceOptions options) {
        require(file, schema, new ColumnRequirement(options.idColumn(), ColumnType.UTF8, 0,
                options.recipeKey() + ".id_column"));
    }

    /** Whether an optional integer label column is present; fails when it is present with a wrong type. */
    static boolean optionalInt(String file, Schema schema, String column, String recipeKey) {
        Field field = find(schema, column);
        if (field == null) {
            return false;
        }
        if (!(field.getType() instanceof ArrowType.Int)) {
            throw new DataException(file + ": column '" + column + "' is " + ColumnTypes.describe(field)
                    + ", expected an integer label (recipe key " + recipeKey + ")");
        }
        return true;
    }

    static Field find(Schema schema, String column) {
        for (Field f : schema.getFields()) {
            if (f.getName().equals(column)) {
                return f;
            }
        }
        return null;
    }

    private static String dimKey(ColumnRequirement req) {
        String key = req.recipeKey();
        int dot = key.lastIndexOf('.');
        return key.endsWith(".column") ? key.substring(0, dot) + ".dim" : key;
    }
}
