package org.scale4j.launcher.fault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.scale4j.launcher.CliRun;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Fuzzing of the recipe loader with structure-aware mutations of a valid recipe: on its tree
 * (remove a key, replace a value by one of another type or range, add an unknown key, misspell a
 * key, wrap a value in a list or a map) and on its text (delete, duplicate or insert characters).
 * Whatever comes out, {@code scale4j recipe validate} answers {@code ok} (0) or one clear
 * {@code error:} (2): never an internal error (1), never a stack trace.
 */
class RecipeFuzzTest {

    private static final Path RECIPE = Path.of("src/test/resources/fault/tiny.yaml");
    private static final AtomicInteger CASE = new AtomicInteger();
    private static Map<String, Object> tree;
    private static String text;
    private static Path dir;

    @BeforeContainer
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        text = Files.readString(RECIPE);
        tree = (Map<String, Object>) new Yaml(new LoaderOptions()).load(text);
        dir = Files.createTempDirectory("scale4j-recipe-fuzz");
    }

    /** A path into the tree: keys and list indexes, each taken modulo the size it meets. */
    record Edit(List<Integer> path, int kind, Object value) {
    }

    private static Arbitrary<Object> anyValue() {
        return Arbitraries.oneOf(
                Arbitraries.of(0, -1, 1, 2, 1_000_000_000, Integer.MIN_VALUE, Long.MAX_VALUE).map(v -> (Object) v),
                Arbitraries.of(0.0, -0.5, 1.5, 1e300, Double.NaN, Double.POSITIVE_INFINITY).map(v -> (Object) v),
                Arbitraries.of(true, false).map(v -> (Object) v),
                Arbitraries.strings().ofMaxLength(12).map(v -> (Object) v),
                Arbitraries.of("auto", "cpu", "gpu:3", "tiny", "adamw", "bert-text", "text", "image", "audio", "fail",
                        "skip", "linear", "").map(v -> (Object) v),
                Arbitraries.just(null),
                Arbitraries.just(List.of()),
                Arbitraries.just(Map.of()));
    }

    @Provide
    Arbitrary<List<Edit>> treeEdits() {
        Arbitrary<Edit> edit = Combinators.combine(
                Arbitraries.integers().between(0, 50).list().ofMinSize(1).ofMaxSize(4),
                Arbitraries.integers().between(0, 5),
                anyValue()).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(3);
    }

    @Property(seed = "20261121") // reproducible in CI; bench/reliability/fuzz.sh runs more tries
    void treeMutationsValidateOrFailClearly(@ForAll("treeEdits") List<Edit> edits) throws IOException {
        Object mutated = deepCopy(tree);
        for (Edit e : edits) {
            mutated = deepCopy(apply(mutated, e, 0)); // deepCopy: edits may insert immutable values
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        check(new Yaml(options).dump(mutated), edits.toString());
    }

    @Provide
    Arbitrary<List<int[]>> textEdits() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 4000),
                Arbitraries.integers().between(1, 40), Arbitraries.of((int) ' ', (int) ':', (int) '\t', (int) '[',
                        (int) '{', (int) '-', (int) '&', (int) '*', (int) '!', (int) '\n', (int) '#', (int) '"',
                        (int) '\'', (int) '|', (int) '>', (int) '%', (int) '@', 0xe9, 0))
                .as((kind, at, length, ch) -> new int[] {kind, at, length, ch})
                .list().ofMinSize(1).ofMaxSize(3);
    }

    @Property(seed = "20261121") // reproducible in CI; bench/reliability/fuzz.sh runs more tries
    void textMutationsValidateOrFailClearly(@ForAll("textEdits") List<int[]> edits) throws IOException {
        StringBuilder s = new StringBuilder(text);
        StringBuilder described = new StringBuilder();
        for (int[] e : edits) {
            int at = e[1] % (s.length() + 1);
            int end = Math.min(s.length(), at + e[2]);
            switch (e[0]) {
                case 0 -> s.delete(at, end);
                case 1 -> s.insert(at, s.substring(at, end));
                default -> s.insert(at, String.valueOf((char) e[3]).repeat(Math.max(1, e[2] % 4)));
            }
            described.append(java.util.Arrays.toString(e));
        }
        check(s.toString(), described.toString());
    }

    private static void check(String yaml, String what) throws IOException {
        Path file = dir.resolve("case-" + CASE.incrementAndGet() + ".yaml");
        Files.write(file, yaml.getBytes(StandardCharsets.UTF_8));
        CliRun run = CliRun.of("recipe", "validate", file.toString());
        String context = what + "\n--- recipe ---\n" + yaml + "\n--- stderr ---\n" + run.err();
        if (run.status() == 0) {
            Files.delete(file);
            return;
        }
        if (run.status() != 2 || !run.err().startsWith("error: ") || run.err().contains("\tat ")
                || run.err().contains("Exception")) {
            throw new AssertionError("status " + run.status() + " for " + context);
        }
        Files.delete(file);
    }

    @SuppressWarnings("unchecked")
    private static Object apply(Object node, Edit e, int depth) {
        boolean last = depth == e.path().size() - 1;
        int pick = e.path().get(depth);
        if (node instanceof Map<?, ?> map && !map.isEmpty()) {
            Map<Object, Object> m = (Map<Object, Object>) node;
            Object key = new ArrayList<>(m.keySet()).get(pick % m.size());
            if (!last) {
                m.put(key, apply(m.get(key), e, depth + 1));
                return m;
            }
            switch (e.kind()) {
                case 0 -> m.remove(key);
                case 1 -> m.put(key, e.value());
                case 2 -> m.put(String.valueOf(key) + "x", e.value());
                case 3 -> {
                    Object v = m.remove(key);
                    m.put(String.valueOf(key).replaceFirst(".$", ""), v);
                }
                case 4 -> m.put(key, List.of(m.get(key) == null ? "null" : m.get(key)));
                default -> m.put(key, Map.of("type", m.get(key) == null ? "null" : m.get(key)));
            }
            return m;
        }
        if (node instanceof List<?> list && !list.isEmpty()) {
            List<Object> l = (List<Object>) node;
            int index = pick % l.size();
            if (!last) {
                l.set(index, apply(l.get(index), e, depth + 1));
                return l;
            }
            switch (e.kind()) {
                case 0 -> l.remove(index);
                case 1 -> l.set(index, e.value());
                default -> l.add(deepCopy(l.get(index)));
            }
            return l;
        }
        return e.value();
    }

    @SuppressWarnings("unchecked")
    private static Object deepCopy(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, deepCopy(v)));
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return node;
    }
}
