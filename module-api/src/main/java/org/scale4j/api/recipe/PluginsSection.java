package org.scale4j.api.recipe;

import java.util.List;
import org.scale4j.api.config.Default;
import org.scale4j.api.config.Doc;

/**
 * {@code plugins}: extra plugin jars, each loaded into its own module layer.
 *
 * @param dirs directories whose {@code *.jar} files are plugins; relative paths are resolved
 *     against the directory of the recipe file that names them
 */
@Doc("Extra plugin jars, each directory's *.jar files loaded into their own module layer.")
public record PluginsSection(
        @Doc("Directories of plugin jars; relative paths are resolved against the recipe file's directory.")
        @Default("[]") List<String> dirs) {

    public PluginsSection {
        dirs = List.copyOf(dirs);
    }
}
