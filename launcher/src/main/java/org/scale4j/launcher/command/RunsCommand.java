package org.scale4j.launcher.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.scale4j.launcher.ExitCodes;
import org.scale4j.launcher.UserException;
import org.scale4j.tensorboard.reader.EventFile;
import org.scale4j.tensorboard.reader.EventFileReader;
import org.scale4j.tensorboard.reader.TfEvent;
import org.scale4j.tensorboard.reader.TfValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scale4j runs [OUT]}: one line per run under {@code OUT} (default {@code runs}) with the last
 * values of its TensorBoard scalars, read back from the event files (CRC-checked).
 */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "Summarise the runs under a directory: last step, losses and headline metrics.")
public final class RunsCommand implements Callable<Integer> {

    private static final List<String> COLUMNS = List.of("loss/total", "val/loss/total",
            "eval/retrieval-coarse/all/dot/mAP@1", "eval/clustering/all/nmi");

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", defaultValue = "runs", paramLabel = "OUT", description = "Default: ${DEFAULT-VALUE}.")
    private Path out;

    @Option(names = "--tag", paramLabel = "TAG", description = "Show these scalar tags instead (repeatable).")
    private List<String> tags = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(out)) {
            throw new UserException(out + " is not a directory of runs (runs/<name>/version_<n>)");
        }
        List<String> columns = tags.isEmpty() ? COLUMNS : tags;
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%-32s %7s", "run", "step");
        columns.forEach(c -> w.printf(Locale.ROOT, " %14s", shorten(c)));
        w.println();
        List<Path> runs;
        try (Stream<Path> walk = Files.walk(out, 2)) {
            runs = walk.filter(p -> p.getFileName().toString().startsWith("version_") && Files.isDirectory(p))
                    .sorted().toList();
        }
        for (Path run : runs) {
            Map<String, Double> last = new TreeMap<>();
            long step = -1;
            int problems = 0;
            try (Stream<Path> files = Files.list(run)) {
                for (Path file : files.filter(p -> p.getFileName().toString().contains("tfevents")).sorted().toList()) {
                    EventFile events = EventFileReader.read(file);
                    problems += events.problems().size();
                    for (TfEvent event : events.events()) {
                        for (TfValue value : event.values()) {
                            if (value.kind() == TfValue.Kind.SCALAR) {
                                last.put(value.tag(), value.scalar());
                                if (value.tag().equals("loss/total")) {
                                    step = Math.max(step, event.step());
                                }
                            }
                        }
                    }
                }
            }
            w.printf(Locale.ROOT, "%-32s %7s", out.relativize(run), step < 0 ? "-" : Long.toString(step));
            for (String c : columns) {
                Double v = last.get(c);
                w.printf(Locale.ROOT, " %14s", v == null ? "-" : String.format(Locale.ROOT, "%.4f", v));
            }
            w.println(problems == 0 ? "" : "  (" + problems + " damaged event records skipped)");
        }
        if (runs.isEmpty()) {
            w.println("(no runs under " + out + ")");
        }
        return ExitCodes.OK;
    }

    private static String shorten(String tag) {
        return tag.length() <= 14 ? tag : "…" + tag.substring(tag.length() - 13);
    }
}
