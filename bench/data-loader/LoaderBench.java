import ai.djl.ndarray.NDManager;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.data.BatchOptions;
import org.scale4j.api.data.BatchStream;
import org.scale4j.api.data.DataContext;
import org.scale4j.api.data.DataPosition;
import org.scale4j.api.data.Dataset;
import org.scale4j.api.modality.MaskingRequest;
import org.scale4j.data.arrow.FramesKind;
import org.scale4j.data.arrow.KeyValueKind;
import org.scale4j.data.arrow.RegionsKind;
import org.scale4j.data.arrow.TokensKind;
import org.scale4j.data.arrow.config.FramesConfig;
import org.scale4j.data.arrow.config.KeyValueConfig;
import org.scale4j.data.arrow.config.RegionsConfig;
import org.scale4j.data.arrow.config.TokenizerConfig;
import org.scale4j.data.arrow.config.TokensConfig;
import org.scale4j.data.arrow.dataset.ArrowDataset;
import org.scale4j.data.arrow.dataset.DatasetLayout;
import org.scale4j.data.arrow.dataset.SourceOptions;
import org.scale4j.data.arrow.tools.SyntheticGenerator;
import org.scale4j.data.arrow.tools.SyntheticPreset;

/**
 * Loader throughput from memory-mapped shards, beside a plain memory copy of the same bytes.
 *
 * <p>Usage: {@code LoaderBench PRESET ROWS DATA_DIR SAMPLES [BATCH [WARMUP]]}. Generates the
 * dataset when absent, opens it with all five modalities and the training masks, then times
 * SAMPLES samples of batches on the calling thread (prefetch 0: one loader core), after at least
 * WARMUP samples (default 2,000) that are not timed, continued until the JIT compiler has been
 * idle for 3 s (at most 60 s): the JIT compiler shares the pinned core and needs
 * 10-20 s to compile the loader, which a training run of hours pays once. The copy
 * baseline moves the same number of bytes from the mapped shards into direct buffers.
 */
public final class LoaderBench {

    public static void main(String[] args) throws Exception {
        String presetName = args[0];
        int rows = Integer.parseInt(args[1]);
        Path dir = Path.of(args[2]);
        long samples = Long.parseLong(args[3]);
        int batch = args.length > 4 ? Integer.parseInt(args[4]) : 32;
        long warmup = args.length > 5 ? Long.parseLong(args[5]) : 2000;
        SyntheticPreset preset = SyntheticPreset.byName(presetName, "preset").withRows(rows);
        if (!Files.exists(dir.resolve("manifest.json"))) {
            long t0 = System.nanoTime();
            SyntheticGenerator.generate(preset, dir, 1, m -> { });
            System.out.printf(Locale.ROOT, "generated %s x%d in %.1f s%n", presetName, rows, (System.nanoTime() - t0) / 1e9);
        }
        if (samples == 0) {
            return; // generate only (run.sh then settles the page cache)
        }
        Map<String, DataContext.CollatorFactory> m = new TreeMap<>();
        TokenizerConfig tok = TokenizerConfig.defaults();
        m.put("text", DataContext.CollatorFactory.of(new TokensKind(), "text", "title", new TokensConfig(36, tok, false)));
        m.put("table", DataContext.CollatorFactory.of(new KeyValueKind(), "table", "table", new KeyValueConfig(64, tok)));
        m.put("image", DataContext.CollatorFactory.of(new RegionsKind(), "image", "image_feats",
                new RegionsConfig("image_boxes", preset.imageDim(), preset.imageRegions())));
        m.put("video", DataContext.CollatorFactory.of(new FramesKind(), "video", "video_feats",
                new FramesConfig(preset.videoDim(), preset.videoFrames())));
        m.put("audio", DataContext.CollatorFactory.of(new FramesKind(), "audio", "audio_feats",
                new FramesConfig(preset.audioDim(), preset.audioRows())));
        String only = System.getenv("MODALITIES"); // e.g. MODALITIES=text,table: the cost of some modalities alone
        if (only != null && !only.isBlank()) {
            m.keySet().retainAll(List.of(only.split(",")));
        }
        com.sun.management.ThreadMXBean allocation =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long allocatedBefore = allocation.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        try (Dataset ds = ArrowDataset.open(DatasetLayout.resolve(dir, "data"), SourceOptions.defaults(),
                new DataContext(m, dir, 1)); NDManager nd = NDManager.newBaseManager("PyTorch")) {
            System.out.printf(Locale.ROOT, "opened and validated %d rows in %.1f s%n", ds.size("train")
                    + ds.size("val") + ds.size("test"), (System.nanoTime() - t0) / 1e9);
            System.out.printf(Locale.ROOT, "Java objects allocated while opening: %.0f MB%n",
                    (allocation.getCurrentThreadAllocatedBytes() - allocatedBefore) / 1e6);
            System.out.println("after open:    " + rss());
            List<MaskingRequest> masks = List.of(new MaskingRequest("text", "token", 0.15, 0),
                    new MaskingRequest("table", "entity", 0.15, 0), new MaskingRequest("image", "zero", 0.15, 0.1),
                    new MaskingRequest("video", "zero", 0.15, 0), new MaskingRequest("audio", "zero", 0.15, 0))
                    .stream().filter(r -> m.containsKey(r.modality())).toList();
            Timing masked = time(ds, new BatchOptions(batch, true, 1, masks, true, true, 0), samples, warmup, nd,
                    preset, "training masks");
            System.out.println("after loading: " + rss());
            Timing plain = time(ds, new BatchOptions(batch, true, 1, List.of(), true, true, 0), samples, warmup, nd,
                    preset, "no masks");
            double copy = copyBandwidth(dir, plain.featureBytes());
            System.out.printf(Locale.ROOT, "memcopy %s: %.0f MB/s (mapped shard -> direct buffer); loader = %.0f%% of it"
                    + " with training masks, %.0f%% without (wall clock); per busy loader core %.0f%% and %.0f%%%n",
                    presetName, copy, 100 * masked.megabytesPerSecond() / copy, 100 * plain.megabytesPerSecond() / copy,
                    100 * masked.megabytesPerCpuSecond() / copy, 100 * plain.megabytesPerCpuSecond() / copy);
        }
        System.out.println("after memcopy: " + rss());

    }

    /** Wall-clock and loader-thread-CPU MB/s of real feature bytes, and how many bytes that was. */
    private record Timing(double megabytesPerSecond, double megabytesPerCpuSecond, long featureBytes) {
    }

    /** Times {@code samples} samples of batches on this thread after {@code warmup} untimed ones; prints samples/s and MB/s. */
    private static Timing time(Dataset ds, BatchOptions options, long samples, long warmup, NDManager nd,
            SyntheticPreset preset, String label) {
        long featureBytes = 0;
        long done = 0;
        try (BatchStream s = ds.stream("train", options, DataPosition.START)) {
            // Warm up for WARMUP samples, then on until no JIT compilation has finished for 3 s (at
            // most 60 s): on the pinned core the C2 thread compiling the collators
            // takes up to half of the core for 10-20 s (single compilations of over a second),
            // which a run of hours pays once.
            java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
            long warm = 0;
            long warmStart = System.nanoTime();
            long quietSince = warmStart;
            long compiled = jit.getTotalCompilationTime();
            while (warm < warmup || (System.nanoTime() - quietSince < 3_000_000_000L
                    && System.nanoTime() - warmStart < 60_000_000_000L)) {
                try (Batch b = s.next(nd)) {
                    warm += b.size();
                }
                long now = jit.getTotalCompilationTime();
                if (now != compiled) {
                    compiled = now;
                    quietSince = System.nanoTime();
                }
            }
            long jitStart = jit.getTotalCompilationTime();
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            while (done < samples) {
                try (Batch b = s.next(nd)) {
                    done += b.size();
                    featureBytes += realBytes(b, preset);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            long jitMillis = jit.getTotalCompilationTime() - jitStart;
            double mb = featureBytes / 1e6;
            System.out.printf(Locale.ROOT, "loader  %s, %s: %.2f s of loader-thread CPU = %.0f samples/s, %.0f MB/s per"
                    + " busy core (wall clock below counts time other processes took the core)%n", preset.name(), label,
                    cpu, done / cpu, mb / cpu);
            System.out.printf(Locale.ROOT, "loader  %s, %s: %d samples in %.2f s = %.0f samples/s, %.0f MB/s of"
                    + " feature data (%.3f MB/sample), after %d warm-up samples; JIT compiling %d ms meanwhile%n", preset.name(),
                    label, done, seconds, done / seconds, mb / seconds, mb / done, warm, jitMillis);
            return new Timing(mb / seconds, mb / cpu, featureBytes);
        }
    }

    /** The bytes the batch's real feature rows occupy in the shards. */
    private static long realBytes(Batch b, SyntheticPreset p) {
        long bytes = 0;
        bytes += rows(b, "image") * (p.imageDim() * 4L + 20);
        bytes += rows(b, "video") * (p.videoDim() * (p.videoHalf() ? 2L : 4L));
        bytes += rows(b, "audio") * (p.audioDim() * 4L);
        return bytes;
    }

    private static long rows(Batch b, String modality) {
        if (!b.modalities().containsKey(modality)) {
            return 0;
        }
        float[] mask = b.modality(modality).mask().toFloatArray();
        float[] present = b.modality(modality).present().toFloatArray();
        double real = 0;
        for (float f : mask) {
            real += f;
        }
        for (float f : present) {
            real -= f; // the global token
        }
        return (long) real;
    }

    /** MB/s of copying {@code bytes} from the mapped train shards (mapped once) into a direct buffer, best of 3. */
    private static double copyBandwidth(Path dir, long bytes) throws Exception {
        List<MappedByteBuffer> maps = new java.util.ArrayList<>();
        try (var s = Files.walk(dir.resolve("train"))) {
            for (Path shard : s.filter(f -> f.toString().endsWith(".arrow")).sorted().toList()) {
                try (FileChannel ch = FileChannel.open(shard, StandardOpenOption.READ)) {
                    maps.add(ch.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(ch.size(), Integer.MAX_VALUE)));
                }
            }
        }
        ByteBuffer dst = ByteBuffer.allocateDirect(64 << 20);
        double best = 0;
        for (int rep = 0; rep < 3; rep++) {
            long copied = 0;
            long start = System.nanoTime();
            while (copied < bytes) {
                for (MappedByteBuffer map : maps) {
                    ByteBuffer src = map.duplicate().clear();
                    while (src.hasRemaining() && copied < bytes) {
                        int n = Math.min(src.remaining(), dst.capacity());
                        dst.clear();
                        dst.put(src.slice().limit(n));
                        src.position(src.position() + n);
                        copied += n;
                    }
                }
            }
            best = Math.max(best, copied / 1e6 / ((System.nanoTime() - start) / 1e9));
        }
        return best;
    }

    private static String rss() throws Exception {
        StringBuilder sb = new StringBuilder("memory:");
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM") || line.startsWith("VmRSS") || line.startsWith("RssAnon")
                    || line.startsWith("RssFile")) {
                sb.append("  ").append(line.replaceAll("\\s+", " "));
            }
        }
        Runtime rt = Runtime.getRuntime();
        sb.append(String.format(Locale.ROOT, "  (Java heap: %d MB committed, %d MB used; peak use", rt.totalMemory() >> 20,
                (rt.totalMemory() - rt.freeMemory()) >> 20));
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                sb.append(String.format(Locale.ROOT, " %s %d MB", pool.getName(), pool.getPeakUsage().getUsed() >> 20));
            }
        }
        sb.append(')');
        return sb.toString();
    }
}
