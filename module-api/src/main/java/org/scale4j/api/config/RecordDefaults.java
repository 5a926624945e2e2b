package org.scale4j.api.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Optional;

/**
 * The {@code public static T defaults()} convention of config records: a record that declares
 * such a method gets, for every absent key without a {@link Default}, the value of the same
 * component in {@code defaults()}. So a plugin can keep its defaults in one factory method that
 * its own code and tests also use:
 * <pre>{@code
 * public record MlmConfig(String modality, double maskRatio) {
 *     public static MlmConfig defaults() { return new MlmConfig("text", 0.15); }
 * }
 * }</pre>
 */
final class RecordDefaults {

    private static final ClassValue<Optional<Record>> DEFAULTS = new ClassValue<>() {
        @Override
        protected Optional<Record> computeValue(Class<?> type) {
            return find(type);
        }
    };

    private RecordDefaults() {
    }

    /** The {@code defaults()} instance of {@code recordType}, if it declares one. */
    static Optional<Record> of(Class<?> recordType) {
        return recordType.isRecord() ? DEFAULTS.get(recordType) : Optional.empty();
    }

    /** Whether {@code component} has a default through its record's {@code defaults()}. */
    static boolean has(RecordComponent component) {
        return of(component.getDeclaringRecord()).isPresent();
    }

    /** The value of {@code component} in its record's {@code defaults()}, if there is one. */
    static Optional<Object> valueOf(RecordComponent component) {
        return of(component.getDeclaringRecord()).map(instance -> read(instance, component));
    }

    private static Optional<Record> find(Class<?> type) {
        Method factory;
        try {
            factory = type.getDeclaredMethod("defaults");
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
        if (!Modifier.isStatic(factory.getModifiers()) || factory.getReturnType() != type) {
            return Optional.empty();
        }
        try {
            factory.setAccessible(true);
            return Optional.of((Record) factory.invoke(null));
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            throw new IllegalStateException("cannot call " + type.getName() + ".defaults(): " + e, e);
        }
    }

    static Object read(Record record, RecordComponent component) {
        Method accessor = component.getAccessor();
        try {
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + component + " of " + record.getClass().getName(), e);
        }
    }
}
