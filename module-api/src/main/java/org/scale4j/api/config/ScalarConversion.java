package org.scale4j.api.config;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Converts scalar text to the Java type of a record component and checks its annotations. */
final class ScalarConversion {

    /** A converted value, or an error message (then {@code value} is null). */
    record Result(Object value, String error) {
        static Result ok(Object value) {
            return new Result(value, null);
        }

        static Result error(String message) {
            return new Result(null, message);
        }
    }

    private ScalarConversion() {
    }

    /** What a value of {@code type} looks like, for "expected ..." messages. */
    static String describe(Class<?> type, RecordComponent component) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + enumValues(type);
        }
        OneOf oneOf = component == null ? null : component.getAnnotation(OneOf.class);
        return oneOf != null ? "one of " + Arrays.asList(oneOf.value()) : "a string";
    }

    static Result convert(Class<?> type, ScalarNode scalar, RecordComponent component) {
        String text = scalar.text();
        if (type == String.class) {
            return checkOneOf(text, component);
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return integer(type, text, component);
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            if (!FlowText.isNumber(text)) {
                return Result.error("expected a number, got '" + text + "'");
            }
            double value = Double.parseDouble(text.replace("_", ""));
            String rangeError = checkRange(value, component);
            if (rangeError != null) {
                return Result.error(rangeError + ", got " + text);
            }
            return Result.ok(type == float.class || type == Float.class ? (Object) (float) value : (Object) value);
        }
        if (type == boolean.class || type == Boolean.class) {
            return bool(scalar);
        }
        if (type.isEnum()) {
            return enumConstant(type, text);
        }
        throw new IllegalStateException("unsupported recipe value type " + type.getName()
                + (component == null ? "" : " of " + component));
    }

    private static Result integer(Class<?> type, String text, RecordComponent component) {
        long value;
        try {
            value = Long.parseLong(text.replace("_", "").replaceFirst("^\\+", ""));
        } catch (NumberFormatException e) {
            return Result.error("expected an integer, got '" + text + "'");
        }
        boolean isInt = type == int.class || type == Integer.class;
        if (isInt && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
            return Result.error("expected an integer that fits 32 bits, got " + text);
        }
        String rangeError = checkRange(value, component);
        if (rangeError != null) {
            return Result.error(rangeError + ", got " + text);
        }
        return Result.ok(isInt ? (Object) (int) value : (Object) value);
    }

    private static Result bool(ScalarNode scalar) {
        String lower = scalar.text().toLowerCase(Locale.ROOT);
        if (lower.equals("true") || scalar.type() == ScalarNode.Type.BOOLEAN && List.of("yes", "on", "y").contains(lower)) {
            return Result.ok(true);
        }
        if (lower.equals("false") || scalar.type() == ScalarNode.Type.BOOLEAN && List.of("no", "off", "n").contains(lower)) {
            return Result.ok(false);
        }
        return Result.error("expected true or false, got '" + scalar.text() + "'");
    }

    private static Result enumConstant(Class<?> type, String text) {
        String wanted = text.toLowerCase(Locale.ROOT).replace('_', '-');
        for (Object constant : type.getEnumConstants()) {
            if (KeyNames.enumValue((Enum<?>) constant).equals(wanted)) {
                return Result.ok(constant);
            }
        }
        List<String> allowed = enumValues(type);
        String suggestion = KeyNames.closest(text, allowed).map(s -> "did you mean '" + s + "'? ").orElse("");
        return Result.error("expected one of " + allowed + ", got '" + text + "'" + (suggestion.isEmpty() ? "" : "; " + suggestion.strip()));
    }

    private static Result checkOneOf(String text, RecordComponent component) {
        OneOf oneOf = component == null ? null : component.getAnnotation(OneOf.class);
        if (oneOf == null || Arrays.asList(oneOf.value()).contains(text)) {
            return Result.ok(text);
        }
        List<String> allowed = Arrays.asList(oneOf.value());
        String suggestion = KeyNames.closest(text, allowed).map(s -> "; did you mean '" + s + "'?").orElse("");
        return Result.error("expected one of " + allowed + ", got '" + text + "'" + suggestion);
    }

    /** The range violation of {@code value}, e.g. {@code must be in [0, 1)}, or null when fine. */
    static String checkRange(double value, RecordComponent component) {
        if (component == null) {
            return null;
        }
        Min min = component.getAnnotation(Min.class);
        Max max = component.getAnnotation(Max.class);
        boolean tooSmall = min != null && (min.exclusive() ? value <= min.value() : value < min.value());
        boolean tooLarge = max != null && (max.exclusive() ? value >= max.value() : value > max.value());
        if (!tooSmall && !tooLarge) {
            return null;
        }
        return "must be " + rangeText(min, max);
    }

    /** {@code >= 1}, {@code < 1} or {@code in [0, 1)}. */
    static String rangeText(Min min, Max max) {
        if (min != null && max != null) {
            return "in " + (min.exclusive() ? "(" : "[") + number(min.value()) + ", " + number(max.value())
                    + (max.exclusive() ? ")" : "]");
        }
        if (min != null) {
            return (min.exclusive() ? "> " : ">= ") + number(min.value());
        }
        return (max.exclusive() ? "< " : "<= ") + number(max.value());
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    static List<String> enumValues(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> KeyNames.enumValue((Enum<?>) c)).toList();
    }
}
