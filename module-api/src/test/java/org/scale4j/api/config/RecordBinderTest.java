package org.scale4j.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scale4j.api.model.HarmonizerProvider;
import org.scale4j.api.model.Harmonizer;
import org.scale4j.api.objective.Objective;
import org.scale4j.api.objective.ObjectiveContext;
import org.scale4j.api.objective.ObjectiveProvider;
import org.scale4j.api.plugin.Configured;
import org.scale4j.api.plugin.NoConfig;
import org.scale4j.api.plugin.PluginKind;
import org.scale4j.api.plugin.Provider;

class RecordBinderTest {

    enum Mode { FAST_PATH, SLOW }

    record Inner(@Default("0.5") @Min(0) @Max(value = 1, exclusive = true) double ratio, @Default("fast-path") Mode mode) {
    }

    record Outer(
            @Min(1) int batchSize,
            @Default("run") @OneOf({"run", "walk"}) String name,
            @Nullable String note,
            Inner inner,
            @Default("[1, 5]") @Min(1) List<Integer> topK,
            @Default("{}") Map<String, Inner> byName,
            @Default("false") boolean flag) {
    }

    record Checked(@Default("4") int heads, @Default("6") int hidden) {
        Checked {
            if (hidden % heads != 0) {
                throw new ConfigValueException("heads", "must divide hidden " + hidden + ", got " + heads);
            }
        }
    }

    record Legacy(String modality, double maskRatio, Inner nested, List<Integer> sizes) {
        static Legacy defaults() {
            return new Legacy("text", 0.15, new Inner(0.25, Mode.SLOW), List.of(2, 3));
        }
    }

    record TempConfig(@Default("0.07") @Min(value = 0, exclusive = true) double temperature) {
    }

    record Entry(@Inline Configured<ObjectiveProvider<?>> objective, @Default("1.0") double weight) {
    }

    record WithPlugins(Configured<HarmonizerProvider<?>> harmonizer, List<Entry> objectives) {
    }

    static final class Uniform implements HarmonizerProvider<NoConfig> {
        @Override public String name() { return "uniform"; }
        @Override public Class<NoConfig> configType() { return NoConfig.class; }
        @Override public Harmonizer create(NoConfig config) { throw new AssertionError("binding tests never create plugins"); }
    }

    static final class Contrastive implements ObjectiveProvider<TempConfig> {
        @Override public String name() { return "simcl"; }
        @Override public Class<TempConfig> configType() { return TempConfig.class; }
        @Override public Objective create(ObjectiveContext context, TempConfig config) { throw new AssertionError("binding tests never create plugins"); }
    }

    private static final Uniform UNIFORM = new Uniform();
    private static final Contrastive SIMCL = new Contrastive();
    private static final ProviderLookup LOOKUP = kind -> kind == PluginKind.HARMONIZER ? List.of(UNIFORM)
            : kind == PluginKind.OBJECTIVE ? List.<Provider<?>>of(SIMCL) : List.of();
    private static final SourceLocation HERE = new SourceLocation("r.yaml", 3, 5);

    private static ConfigNode yaml(String flow) {
        return FlowText.parse(flow, HERE);
    }

    private static List<String> problems(Class<? extends Record> type, String flow) {
        ConfigException e = assertThrows(ConfigException.class, () -> RecordBinder.bind(type, yaml(flow), "", LOOKUP));
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void bindsSnakeCaseKeysAndFillsDefaults() {
        Outer outer = RecordBinder.bind(Outer.class, yaml("{batch_size: 8, inner: {ratio: 0.25}}"), "", LOOKUP);
        assertEquals(new Outer(8, "run", null, new Inner(0.25, Mode.FAST_PATH), List.of(1, 5), Map.of(), false), outer);
    }

    @Test
    void bindsNumbersWrittenAsYaml11StringsAndEnumsInKebabCase() {
        Outer outer = RecordBinder.bind(Outer.class,
                yaml("{batch_size: '1_024', inner: {ratio: 3e-4, mode: slow}, by_name: {b: {}, a: {mode: slow}}, flag: true}"),
                "", LOOKUP);
        assertEquals(1024, outer.batchSize());
        assertEquals(3e-4, outer.inner().ratio());
        assertEquals(List.of("a", "b"), List.copyOf(outer.byName().keySet()));
        assertEquals(Mode.SLOW, outer.byName().get("a").mode());
    }

    @Test
    void absentKeysTakeTheValuesOfAStaticDefaultsFactory() {
        assertEquals(Legacy.defaults(), RecordBinder.bind(Legacy.class, yaml("{}"), "", LOOKUP));
        assertEquals(new Legacy("image", 0.15, new Inner(0.5, Mode.FAST_PATH), List.of(2, 3)),
                RecordBinder.bind(Legacy.class, yaml("{modality: image, nested: {}}"), "", LOOKUP));
        assertEquals(List.of("r.yaml:3:5: mask_ratio: expected a number, got 'x'"), problems(Legacy.class, "{mask_ratio: x}"));
        Legacy bound = RecordBinder.bind(Legacy.class, yaml("{mask_ratio: 0.3}"), "", LOOKUP);
        assertEquals(bound, RecordBinder.bind(Legacy.class, RecordWriter.write(bound), "", LOOKUP));
        MapNode schema = RecordSchema.generate(Legacy.class, "t", LOOKUP);
        assertEquals(Set.of("$schema", "title", "type", "properties", "additionalProperties"), Set.copyOf(schema.keys()));
        assertEquals("{type=number, default=0.15}",
                flat(((MapNode) schema.get("properties").orElseThrow()).get("mask_ratio").orElseThrow()));
    }

    @Test
    void explicitNullMeansAbsent() {
        Outer outer = RecordBinder.bind(Outer.class, yaml("{batch_size: 2, name: null, note: ~}"), "", LOOKUP);
        assertEquals("run", outer.name());
        assertNull(outer.note());
    }

    @Test
    void reportsEveryProblemWithLocationAndKey() {
        List<String> problems = problems(Outer.class,
                "{batch_sise: 8, name: wlak, inner: {ratio: 1.0, mode: slwo}, top_k: [1, 0], flag: maybe}");
        assertEquals(List.of(
                "r.yaml:3:5: batch_sise: unknown key 'batch_sise'; did you mean 'batch_size'? allowed here: "
                        + "[batch_size, name, note, inner, top_k, by_name, flag]",
                "r.yaml:3:5: batch_size: missing required key 'batch_size'",
                "r.yaml:3:5: name: expected one of [run, walk], got 'wlak'; did you mean 'walk'?",
                "r.yaml:3:5: inner.ratio: must be in [0, 1), got 1.0",
                "r.yaml:3:5: inner.mode: expected one of [fast-path, slow], got 'slwo'; did you mean 'slow'?",
                "r.yaml:3:5: top_k[1]: must be >= 1, got 0",
                "r.yaml:3:5: flag: expected true or false, got 'maybe'"), problems);
    }

    @Test
    void reportsWrongShapes() {
        assertEquals(List.of("r.yaml:3:5: batch_size: expected an integer, got a list",
                        "r.yaml:3:5: inner: expected a map with keys [ratio, mode], got 'x'"),
                problems(Outer.class, "{batch_size: [1], inner: x}"));
        assertEquals(List.of("r.yaml:3:5: batch_size: expected an integer, got '2.5'"),
                problems(Outer.class, "{batch_size: 2.5}"));
        assertEquals(List.of("r.yaml:3:5: batch_size: expected an integer that fits 32 bits, got 99999999999"),
                problems(Outer.class, "{batch_size: 99999999999}"));
    }

    @Test
    void compactConstructorErrorsPointAtTheNamedValue() {
        SourceLocation headsAt = new SourceLocation("r.yaml", 7, 10);
        MapNode node = new MapNode(List.of(new MapNode.Entry("heads", new SourceLocation("r.yaml", 7, 3),
                new ScalarNode("4", ScalarNode.Type.NUMBER, headsAt)),
                new MapNode.Entry("hidden", new SourceLocation("r.yaml", 8, 3),
                        new ScalarNode("10", ScalarNode.Type.NUMBER, new SourceLocation("r.yaml", 8, 11)))), HERE);
        ConfigException e = assertThrows(ConfigException.class, () -> RecordBinder.bind(Checked.class, node, "model", LOOKUP));
        assertEquals("r.yaml:7:10: model.heads: must divide hidden 10, got 4", e.getMessage());
    }

    @Test
    void bindsPluginSectionsAndInlineEntries() {
        WithPlugins bound = RecordBinder.bind(WithPlugins.class,
                yaml("{harmonizer: {type: uniform}, objectives: [{type: simcl, weight: 0.5}, {type: simcl, temperature: 0.1}]}"),
                "", LOOKUP);
        assertSame(UNIFORM, bound.harmonizer().provider());
        assertEquals(new NoConfig(), bound.harmonizer().config());
        assertEquals("harmonizer", bound.harmonizer().recipeKey());
        assertEquals(0.5, bound.objectives().get(0).weight());
        assertEquals(new TempConfig(0.07), bound.objectives().get(0).objective().config());
        assertEquals(new TempConfig(0.1), bound.objectives().get(1).objective().config());
        assertEquals("objectives[1]", bound.objectives().get(1).objective().recipeKey());
    }

    @Test
    void unknownPluginNamesListTheDiscoveredOnes() {
        assertEquals(List.of(
                "r.yaml:3:5: harmonizer.type: unknown harmonizer 'unifrom'; did you mean 'uniform'?; discovered: [uniform]",
                "r.yaml:3:5: objectives[0]: missing key 'type': the objective to use (one of [simcl])",
                "r.yaml:3:5: objectives[1].temprature: unknown key 'temprature'; did you mean 'temperature'? allowed here: [temperature]",
                "r.yaml:3:5: objectives[2].temperature: must be > 0, got 0"),
                problems(WithPlugins.class, "{harmonizer: {type: unifrom}, objectives: [{weight: 1}, {type: simcl, temprature: 1},"
                        + " {type: simcl, temperature: 0}]}"));
        ConfigException none = assertThrows(ConfigException.class, () -> RecordBinder.bind(WithPlugins.class,
                yaml("{harmonizer: {type: uniform}, objectives: []}"), "", ProviderLookup.NONE));
        assertEquals("r.yaml:3:5: harmonizer.type: unknown harmonizer 'uniform'; no harmonizer plugins were discovered",
                none.getMessage());
    }

    @Test
    void writerOutputBindsBackToAnEqualRecord() {
        Outer outer = RecordBinder.bind(Outer.class, yaml("{batch_size: 8, note: hi, by_name: {x: {ratio: 0.1}}}"), "", LOOKUP);
        assertEquals(outer, RecordBinder.bind(Outer.class, RecordWriter.write(outer), "", LOOKUP));
        WithPlugins plugins = RecordBinder.bind(WithPlugins.class,
                yaml("{harmonizer: {type: uniform}, objectives: [{type: simcl, weight: 0.5}]}"), "", LOOKUP);
        ConfigNode written = RecordWriter.write(plugins);
        assertEquals("{type=simcl, temperature=0.07, weight=0.5}", flat(((ListNode) ((MapNode) written).get("objectives")
                .orElseThrow()).items().get(0)));
        assertEquals(plugins, RecordBinder.bind(WithPlugins.class, written, "", LOOKUP));
    }

    @Test
    void schemaDescribesKeysRangesAndPluginAlternatives() {
        MapNode schema = RecordSchema.generate(WithPlugins.class, "t", LOOKUP);
        MapNode objectives = (MapNode) ((MapNode) schema.get("properties").orElseThrow()).get("objectives").orElseThrow();
        MapNode item = (MapNode) objectives.get("items").orElseThrow();
        MapNode simcl = (MapNode) ((ListNode) item.get("oneOf").orElseThrow()).items().get(0);
        MapNode properties = (MapNode) simcl.get("properties").orElseThrow();
        assertEquals(List.of("weight", "type", "temperature"), properties.keys());
        assertEquals("{const=simcl}", flat(properties.get("type").orElseThrow()));
        assertEquals("{type=number, exclusiveMinimum=0, default=0.07}", flat(properties.get("temperature").orElseThrow()));
        assertEquals(Set.of("$schema", "title", "type", "properties", "required", "additionalProperties"), Set.copyOf(schema.keys()));
    }

    /** A compact text form of a tree for assertions. */
    static String flat(ConfigNode node) {
        if (node instanceof MapNode map) {
            StringBuilder out = new StringBuilder("{");
            for (MapNode.Entry e : map.entries()) {
                out.append(out.length() > 1 ? ", " : "").append(e.key()).append('=').append(flat(e.value()));
            }
            return out.append('}').toString();
        }
        if (node instanceof ListNode list) {
            return list.items().stream().map(RecordBinderTest::flat).toList().toString();
        }
        return String.valueOf(((ScalarNode) node).text());
    }
}
