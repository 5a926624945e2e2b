package org.scale4j.data.importer.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Arrow schema of an imported dataset: scale4j's canonical layout (DESIGN section 3).
 *
 * <pre>
 * id            utf8 not null
 * category      int32                       index of the label in the label list
 * category_name utf8                        the label as written in the source
 * product_group int64                       same-product group (fine-grained retrieval)
 * title         utf8                        raw title
 * title_ids     list&lt;int32&gt;                 (with a tokenizer) ids without [CLS]/[SEP]
 * table         list&lt;struct&lt;key: utf8, value: utf8&gt;&gt;
 * table_ids     list&lt;struct&lt;key_ids: list&lt;int32&gt;, value_ids: list&lt;int32&gt;&gt;&gt;   (with a tokenizer)
 * image_feats   list&lt;fixed_size_list&lt;float32|float16&gt;[2048]&gt;
 * image_boxes   list&lt;fixed_size_list&lt;float32&gt;[5]&gt;      (x1/w, y1/h, x2/w, y2/h, area/(w*h))
 * video_feats   list&lt;fixed_size_list&lt;float32|float16&gt;[1024]&gt;
 * audio_feats   list&lt;fixed_size_list&lt;float32|float16&gt;[751]&gt;  80 rows (mel bins as tokens)
 * </pre>
 * Every column but {@code id} is nullable; null means the product lacks that modality or label.
 */
public final class CanonicalSchema {

    public static final String ID = "id";
    public static final String CATEGORY = "category";
    public static final String CATEGORY_NAME = "category_name";
    public static final String PRODUCT_GROUP = "product_group";
    public static final String TITLE = "title";
    public static final String TITLE_IDS = "title_ids";
    public static final String TABLE = "table";
    public static final String TABLE_IDS = "table_ids";
    public static final String IMAGE_FEATS = "image_feats";
    public static final String IMAGE_BOXES = "image_boxes";
    public static final String VIDEO_FEATS = "video_feats";
    public static final String AUDIO_FEATS = "audio_feats";

    private CanonicalSchema() {
    }

    /**
     * The schema.
     *
     * @param tokenized whether {@code title_ids} and {@code table_ids} are included
     * @param half whether feature columns are float16 (boxes stay float32)
     */
    public static Schema of(boolean tokenized, boolean half, int imageDim, int videoDim, int audioDim) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(ID, FieldType.notNullable(ArrowType.Utf8.INSTANCE), null));
        fields.add(Field.nullable(CATEGORY, new ArrowType.Int(32, true)));
        fields.add(Field.nullable(CATEGORY_NAME, ArrowType.Utf8.INSTANCE));
        fields.add(Field.nullable(PRODUCT_GROUP, new ArrowType.Int(64, true)));
        fields.add(Field.nullable(TITLE, ArrowType.Utf8.INSTANCE));
        if (tokenized) {
            fields.add(intList(TITLE_IDS, true));
        }
        fields.add(list(TABLE, new Field("item", FieldType.notNullable(ArrowType.Struct.INSTANCE), List.of(
                new Field("key", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null),
                new Field("value", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null)))));
        if (tokenized) {
            fields.add(list(TABLE_IDS, new Field("item", FieldType.notNullable(ArrowType.Struct.INSTANCE), List.of(
                    intList("key_ids", false), intList("value_ids", false)))));
        }
        fields.add(rows(IMAGE_FEATS, imageDim, half));
        fields.add(rows(IMAGE_BOXES, 5, false));
        fields.add(rows(VIDEO_FEATS, videoDim, half));
        fields.add(rows(AUDIO_FEATS, audioDim, half));
        return new Schema(fields);
    }

    private static Field intList(String name, boolean nullable) {
        Field item = new Field("item", FieldType.notNullable(new ArrowType.Int(32, true)), null);
        return new Field(name, nullable ? FieldType.nullable(ArrowType.List.INSTANCE)
                : FieldType.notNullable(ArrowType.List.INSTANCE), List.of(item));
    }

    private static Field list(String name, Field item) {
        return new Field(name, FieldType.nullable(ArrowType.List.INSTANCE), List.of(item));
    }

    /** {@code list<fixed_size_list<float>[dim]>}. */
    private static Field rows(String name, int dim, boolean half) {
        ArrowType floatType = new ArrowType.FloatingPoint(half ? FloatingPointPrecision.HALF
                : FloatingPointPrecision.SINGLE);
        Field value = new Field("item", FieldType.notNullable(floatType), null);
        Field row = new Field("item", FieldType.notNullable(new ArrowType.FixedSizeList(dim)), List.of(value));
        return list(name, row);
    }
}
