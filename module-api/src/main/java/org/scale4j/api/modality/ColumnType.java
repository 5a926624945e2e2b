package org.scale4j.api.modality;

/** The logical Arrow types a modality column can have, independent of the Arrow library. */
public enum ColumnType {
    /** {@code utf8} / {@code large_utf8}. */
    UTF8,
    /** {@code list<int32>}, e.g. pre-tokenized ids. */
    INT_LIST,
    /** {@code fixed_size_list<float32|float16>[D]} or {@code list<float32|float16>}: one vector. */
    FLOAT_VECTOR,
    /** {@code list<fixed_size_list<float32|float16>[D]>}: a sequence of feature rows. */
    FLOAT_ROWS,
    /** {@code list<struct<key: utf8, value: utf8>>}: a key-value table. */
    KEY_VALUE_LIST,
    /** Any integer or floating-point scalar. */
    NUMBER
}
