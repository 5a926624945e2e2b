package org.scale4j.data.arrow.dataset;

import java.util.List;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.scale4j.api.modality.ColumnType;

/** Maps Arrow fields to the library-neutral {@link ColumnType}s and describes them for error messages. */
public final class ColumnTypes {

    private ColumnTypes() {
    }

    /** Whether {@code field} has the logical type {@code type}. */
    public static boolean matches(Field field, ColumnType type) {
        return switch (type) {
            case UTF8 -> isUtf8(field.getType());
            case NUMBER -> field.getType() instanceof ArrowType.Int || isFloat(field.getType());
            case INT_LIST -> isList(field) && field.getChildren().get(0).getType() instanceof ArrowType.Int;
            case FLOAT_VECTOR -> (field.getType() instanceof ArrowType.FixedSizeList || isList(field))
                    && isFloat(field.getChildren().get(0).getType());
            case FLOAT_ROWS -> isList(field) && field.getChildren().get(0).getType() instanceof ArrowType.FixedSizeList
                    && isFloat(field.getChildren().get(0).getChildren().get(0).getType());
            case KEY_VALUE_LIST -> isList(field) && isKeyValueStruct(field.getChildren().get(0));
        };
    }

    /** The fixed size of a {@link ColumnType#FLOAT_ROWS} or fixed-size {@link ColumnType#FLOAT_VECTOR} column, else 0. */
    public static int dim(Field field) {
        Field f = field;
        if (isList(f)) {
            f = f.getChildren().get(0);
        }
        return f.getType() instanceof ArrowType.FixedSizeList fsl ? fsl.getListSize() : 0;
    }

    /** The expected Arrow type of a logical type, as a user would write it. */
    public static String expected(ColumnType type, int dim) {
        String d = dim > 0 ? String.valueOf(dim) : "D";
        return switch (type) {
            case UTF8 -> "utf8";
            case NUMBER -> "an integer or floating-point number";
            case INT_LIST -> "list<int32>";
            case FLOAT_VECTOR -> "fixed_size_list<float32 or float16>[" + d + "]";
            case FLOAT_ROWS -> "list<fixed_size_list<float32 or float16>[" + d + "]>";
            case KEY_VALUE_LIST -> "list<struct<key: utf8, value: utf8>>";
        };
    }

    /** A field's Arrow type in the same notation as {@link #expected}. */
    public static String describe(Field field) {
        ArrowType type = field.getType();
        List<Field> children = field.getChildren();
        if (type instanceof ArrowType.List || type instanceof ArrowType.LargeList) {
            return (type instanceof ArrowType.List ? "list<" : "large_list<") + describe(children.get(0)) + ">";
        }
        if (type instanceof ArrowType.Map) {
            return "map<" + describe(children.get(0)) + ">";
        }
        if (type instanceof ArrowType.FixedSizeList fsl) {
            return "fixed_size_list<" + describe(children.get(0)) + ">[" + fsl.getListSize() + "]";
        }
        if (type instanceof ArrowType.Struct) {
            StringBuilder sb = new StringBuilder("struct<");
            for (int i = 0; i < children.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(children.get(i).getName()).append(": ")
                        .append(describe(children.get(i)));
            }
            return sb.append('>').toString();
        }
        if (type instanceof ArrowType.FloatingPoint fp) {
            return switch (fp.getPrecision()) {
                case HALF -> "float16";
                case SINGLE -> "float32";
                case DOUBLE -> "float64";
            };
        }
        if (type instanceof ArrowType.Int i) {
            return (i.getIsSigned() ? "int" : "uint") + i.getBitWidth();
        }
        if (type instanceof ArrowType.Utf8) {
            return "utf8";
        }
        if (type instanceof ArrowType.LargeUtf8) {
            return "large_utf8";
        }
        if (field.getDictionary() != null) {
            return "dictionary<" + type + ">";
        }
        return type.toString().toLowerCase(java.util.Locale.ROOT);
    }

    static boolean isUtf8(ArrowType type) {
        return type instanceof ArrowType.Utf8 || type instanceof ArrowType.LargeUtf8;
    }

    static boolean isList(Field field) {
        ArrowType t = field.getType();
        return (t instanceof ArrowType.List || t instanceof ArrowType.LargeList || t instanceof ArrowType.Map)
                && field.getChildren().size() == 1;
    }

    static boolean isFloat(ArrowType type) {
        return type instanceof ArrowType.FloatingPoint fp
                && (fp.getPrecision() == FloatingPointPrecision.SINGLE || fp.getPrecision() == FloatingPointPrecision.HALF);
    }

    private static boolean isKeyValueStruct(Field struct) {
        if (!(struct.getType() instanceof ArrowType.Struct)) {
            return false;
        }
        boolean key = false;
        boolean value = false;
        for (Field child : struct.getChildren()) {
            key |= child.getName().equals("key") && isUtf8(child.getType());
            value |= child.getName().equals("value") && isUtf8(child.getType());
        }
        return key && value;
    }
}
