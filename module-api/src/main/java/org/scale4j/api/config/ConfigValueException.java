package org.scale4j.api.config;

import java.util.Objects;

/**
 * Thrown by a config record's compact constructor to reject a value and point at it.
 *
 * <p>The {@link RecordBinder} turns it into a {@link Problem} located at the named component, so
 * the user sees the file, line and column of the value to change:
 * <pre>{@code
 * if (hidden % heads != 0) {
 *     throw new ConfigValueException("heads", "must divide hidden " + hidden + ", got " + heads);
 * }
 * }</pre>
 * Any other {@link RuntimeException} from a compact constructor is reported at the record's map.
 */
public class ConfigValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param key the lower_snake_case key of the offending component, relative to the record;
     *     dotted for nested records ({@code optimizer.lr}); list items as {@code betas[1]}
     * @param message what is wrong and what is allowed
     */
    public ConfigValueException(String key, String message) {
        super(key + ": " + message);
        this.key = Objects.requireNonNull(key, "key");
    }

    /** The relative key of the offending value. */
    public String key() {
        return key;
    }

    /** The message without the key. */
    public String reason() {
        return getMessage().substring(key.length() + 2);
    }
}
