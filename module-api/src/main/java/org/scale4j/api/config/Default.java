package org.scale4j.api.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value a recipe key takes when it is absent (or explicitly null), written as YAML flow text:
 * a scalar ({@code "0.07"}, {@code "adamw"}, {@code "true"}), a list ({@code "[0.9, 0.999]"},
 * {@code "[]"}) or a map ({@code "{}"}, {@code "{type: uniform}"}). It is bound exactly like a
 * value from a file, so ranges and the record's compact constructor check it too.
 *
 * <p>A record may instead declare {@code public static T defaults()}: absent keys without
 * {@code @Default} take their value from it. A component with neither, and not {@link Nullable}, is
 * required, except a record-typed component, which is bound from an empty map (so it is required
 * only if one of its own keys is).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Default {
    String value();
}
