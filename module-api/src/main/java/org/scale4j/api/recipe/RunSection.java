package org.scale4j.api.recipe;

import java.util.regex.Pattern;
import org.scale4j.api.config.ConfigValueException;
import org.scale4j.api.config.Default;
import org.scale4j.api.config.Doc;

/**
 * {@code run}: naming and seeding of a run.
 *
 * @param name the run name, a directory name: letters, digits, {@code . _ -}
 * @param seed the seed of initialisation, shuffling, masking and the synthetic data
 * @param out the directory under which runs are written as {@code <out>/<name>/<version>}
 */
@Doc("Naming and seeding of a run.")
public record RunSection(
        @Doc("Run name; the run directory is <out>/<name>/<version>. Letters, digits, '.', '_' and '-'.")
        @Default("scale4j") String name,
        @Doc("Seed of weight initialisation, shuffling, masking and synthetic data.")
        @Default("42") long seed,
        @Doc("Directory that holds the runs; relative paths are resolved against the working directory.")
        @Default("runs") String out) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    public RunSection {
        if (!NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new ConfigValueException("name", "must be a directory name of letters, digits, '.', '_' and '-', got '"
                    + name + "'");
        }
        if (out.isBlank()) {
            throw new ConfigValueException("out", "must not be empty");
        }
    }
}
