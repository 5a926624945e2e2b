package org.scale4j.api.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest allowed value of a numeric key (also applied to each item of a numeric list).
 * Checked by the binder before the record is constructed; appears as {@code maximum} (or
 * {@code exclusiveMaximum}) in the JSON Schema.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Max {
    double value();

    /** Whether the bound itself is excluded ({@code < value} instead of {@code <= value}). */
    boolean exclusive() default false;
}
