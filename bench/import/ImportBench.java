import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.scale4j.data.importer.ConsoleProgressBar;
import org.scale4j.data.importer.ImportResult;
import org.scale4j.data.importer.M5ProductImport;

/** Runs one import of a make_fixture.py directory and prints throughput and the JVM's peak RSS. */
public class ImportBench {
    public static void main(String[] args) throws Exception {
        Path src = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int threads = Integer.parseInt(args[2]);
        boolean half = Boolean.parseBoolean(args[3]);
        List<Path> tsvs;
        try (Stream<Path> s = Files.list(src)) {
            tsvs = s.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
        }
        ImportResult r = M5ProductImport.builder().imageTsvs(tsvs).captions(src.resolve("captions.json"))
                .videoDir(src.resolve("video")).audioDir(src.resolve("audio")).output(out).threads(threads)
                .float16(half).progress(new ConsoleProgressBar(System.err, 1000)).build().run();
        String hwm = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmHWM")).findFirst().orElse("VmHWM: ?").replaceAll("\\s+", " ");
        System.out.printf("items=%d rows=%d problems=%d seconds=%.2f items_per_s=%.1f threads=%d float16=%s %s%n",
                r.items(), r.rows(), r.problems(), r.seconds(), r.items() / r.seconds(), threads, half, hwm);
    }
}
