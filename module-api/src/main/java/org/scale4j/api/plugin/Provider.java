package org.scale4j.api.plugin;

/**
 * The one contract every scale4j plugin implements: a recipe name and a typed configuration.
 *
 * <p>Providers are found with {@link java.util.ServiceLoader}, from the boot module graph and from
 * plugin jars loaded into their own module layer. A provider has a public no-argument constructor,
 * no static state, and is cheap to construct: the real work happens in the kind-specific
 * {@code create} method of its sub-interface.
 *
 * <p>The configuration is an immutable {@link Record}. The recipe binder fills it from the recipe
 * section that names this provider, rejects unknown keys, fills defaults and runs the record's
 * compact constructor, which is where ranges are checked. A provider without parameters uses
 * {@link NoConfig}. The config record's package must be {@code opens ... to org.scale4j.api} so
 * the binder can construct it.
 *
 * @param <C> the configuration record type
 */
public interface Provider<C extends Record> {

    /** The lower-kebab-case name used as {@code type:} in recipes, e.g. {@code bert-text}; never null. */
    String name();

    /** The record type that holds this provider's parameters; never null. */
    Class<C> configType();

    /** One sentence for {@code scale4j plugins} and the generated docs. */
    default String description() {
        return "";
    }
}
