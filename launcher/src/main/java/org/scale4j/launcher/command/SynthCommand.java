package org.scale4j.launcher.command;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scale4j.data.arrow.tools.SyntheticGenerator;
import org.scale4j.data.arrow.tools.SyntheticPreset;
import org.scale4j.launcher.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code scale4j synth}: writes a synthetic M5Product-like dataset (same seed, same bytes). */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Generate a synthetic M5Product-like dataset in the canonical Arrow layout.")
public final class SynthCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--preset", defaultValue = "tiny", paramLabel = "NAME",
            description = "tiny (quickstart), small, or paper (the paper's feature shapes). Default: ${DEFAULT-VALUE}.")
    private String preset;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The output directory.")
    private Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--rows", paramLabel = "N", description = "Products to generate instead of the preset's count.")
    private Integer rows;

    @Override
    public Integer call() {
        SyntheticPreset chosen = SyntheticPreset.byName(preset, "--preset");
        if (rows != null) {
            chosen = chosen.withRows(rows);
        }
        var out = spec.commandLine().getOut();
        SyntheticGenerator.generate(chosen, this.out, seed, line -> {
            out.println(line);
            out.flush();
        });
        out.println("wrote " + this.out.toAbsolutePath());
        return ExitCodes.OK;
    }
}
