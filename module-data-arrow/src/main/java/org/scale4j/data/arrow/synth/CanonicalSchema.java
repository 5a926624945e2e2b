package org.scale4j.data.arrow.synth;

import java.util.List;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.scale4j.data.arrow.tools.SyntheticPreset;

/** The canonical M5Product Arrow schema (DESIGN section 3) for a preset's dims. */
final class CanonicalSchema {

    private CanonicalSchema() {
    }

    static Schema of(SyntheticPreset p) {
        return new Schema(List.of(
                new Field("id", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null),
                Field.nullable("category", new ArrowType.Int(32, true)),
                Field.nullable("category_name", ArrowType.Utf8.INSTANCE),
                Field.nullable("product_group", new ArrowType.Int(64, true)),
                Field.nullable("title", ArrowType.Utf8.INSTANCE),
                keyValues("table"),
                rows("image_feats", p.imageDim(), false),
                rows("image_boxes", 5, false),
                rows("video_feats", p.videoDim(), p.videoHalf()),
                rows("audio_feats", p.audioDim(), false)));
    }

    static Field rows(String name, int dim, boolean half) {
        ArrowType value = new ArrowType.FloatingPoint(half ? FloatingPointPrecision.HALF : FloatingPointPrecision.SINGLE);
        Field item = new Field("item", FieldType.notNullable(value), null);
        Field vector = new Field("item", FieldType.notNullable(new ArrowType.FixedSizeList(dim)), List.of(item));
        return new Field(name, FieldType.nullable(ArrowType.List.INSTANCE), List.of(vector));
    }

    static Field keyValues(String name) {
        Field key = new Field("key", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null);
        Field value = new Field("value", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null);
        Field entry = new Field("item", FieldType.notNullable(ArrowType.Struct.INSTANCE), List.of(key, value));
        return new Field(name, FieldType.nullable(ArrowType.List.INSTANCE), List.of(entry));
    }
}
