package org.scale4j.launcher.command;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scale4j.data.arrow.tools.DatasetInspector;
import org.scale4j.launcher.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code scale4j inspect DATASET}: schema, rows, coverage, lengths and the category long tail. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Describe a dataset: schema, rows per split, modality coverage, lengths, categories.")
public final class InspectCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATASET", description = "A dataset directory, or one Arrow file.")
    private Path dataset;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(DatasetInspector.inspect(dataset).render());
        return ExitCodes.OK;
    }
}
