import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.scale4j.data.arrow.tokenize.TokenizerHandle;

/**
 * Tokenization of one shard's titles, 32 per call as the loader batches them: TokenizerHandle.encode
 * (the Java encoder for ASCII titles) against the native ids-only call it replaces (batchEncode,
 * getTokenIds, deleteEncoding). Checks both give the same ids, then prints microseconds per title
 * and per token for each, best of several rounds.
 *   java TitleTokenizerBench SHARD TOKENIZER_JSON ROUNDS
 */
public final class TitleTokenizerBench {

    public static void main(String[] args) throws Exception {
        List<String> titles = titles(Path.of(args[0]));
        Path tokenizerFile = Path.of(args[1]);
        int rounds = Integer.parseInt(args[2]);
        List<String> joined = new ArrayList<>(); // four titles in one: about the paper's 36-token titles
        for (int i = 0; i + 4 <= titles.size(); i += 4) {
            joined.add(String.join(" ", titles.subList(i, i + 4)));
        }
        System.out.println("shard titles:");
        run(titles, tokenizerFile, rounds);
        System.out.println("four titles joined:");
        run(joined, tokenizerFile, rounds);
    }

    private static void run(List<String> titles, Path tokenizerFile, int rounds) throws Exception {
        try (TokenizerHandle handle = TokenizerHandle.load(tokenizerFile, "bench");
                HuggingFaceTokenizer hf = HuggingFaceTokenizer.builder().optTokenizerPath(tokenizerFile)
                        .optAddSpecialTokens(false).optTruncation(false).optPadding(false).build()) {
            List<List<String>> batches = new ArrayList<>();
            for (int i = 0; i < titles.size(); i += 32) {
                batches.add(titles.subList(i, Math.min(titles.size(), i + 32)));
            }
            long tokens = 0;
            for (List<String> batch : batches) {
                long[][] java = handle.encode(batch);
                long[][] nat = nativeIds(hf, batch);
                for (int i = 0; i < batch.size(); i++) {
                    if (!Arrays.equals(java[i], nat[i])) {
                        throw new AssertionError("ids differ for " + batch.get(i));
                    }
                    tokens += java[i].length;
                }
            }
            System.out.printf("  %d titles, %.1f tokens per title on average%n", titles.size(),
                    tokens / (double) titles.size());
            double bestJava = Double.MAX_VALUE;
            double bestNative = Double.MAX_VALUE;
            long sink = 0;
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                for (List<String> batch : batches) {
                    sink += handle.encode(batch).length;
                }
                long t1 = System.nanoTime();
                for (List<String> batch : batches) {
                    sink += nativeIds(hf, batch).length;
                }
                long t2 = System.nanoTime();
                bestJava = Math.min(bestJava, (t1 - t0) / 1e3 / titles.size());
                bestNative = Math.min(bestNative, (t2 - t1) / 1e3 / titles.size());
            }
            System.out.printf("  java encoder : %.2f us per title, %.3f us per token%n", bestJava,
                    bestJava * titles.size() / tokens);
            System.out.printf("  native ids   : %.2f us per title, %.3f us per token%n", bestNative,
                    bestNative * titles.size() / tokens);
            System.out.printf("  speed-up     : %.1fx (checksum %d)%n", bestNative / bestJava, sink);
        }
    }

    private static long[][] nativeIds(HuggingFaceTokenizer hf, List<String> texts) {
        long[] encodings = TokenizersLibrary.LIB.batchEncode(hf.getHandle(), texts.toArray(new String[0]), false);
        long[][] out = new long[encodings.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = TokenizersLibrary.LIB.getTokenIds(encodings[i]);
            TokenizersLibrary.LIB.deleteEncoding(encodings[i]);
        }
        return out;
    }

    private static List<String> titles(Path shard) throws Exception {
        List<String> out = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator();
                ArrowFileReader reader = new ArrowFileReader(Files.newByteChannel(shard), allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            while (reader.loadNextBatch()) {
                VarCharVector title = (VarCharVector) root.getVector("title");
                for (int i = 0; i < root.getRowCount(); i++) {
                    if (!title.isNull(i)) {
                        out.add(new String(title.get(i), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return out;
    }
}
