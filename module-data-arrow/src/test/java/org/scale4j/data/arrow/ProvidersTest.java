package org.scale4j.data.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.data.BatchOptions;
import org.scale4j.api.data.BatchStream;
import org.scale4j.api.data.DataPosition;
import org.scale4j.api.data.Dataset;
import org.scale4j.api.data.DatasetProvider;
import org.scale4j.api.modality.ModalityKindProvider;
import org.scale4j.data.arrow.config.ArrowSourceConfig;
import org.scale4j.data.arrow.config.SyntheticSourceConfig;

/** Discovery, the synthetic source's cache, and a clean open/close life cycle. */
class ProvidersTest {

    @TempDir Path tmp;

    @Test
    void moduleProvidesTheSourcesAndKinds() {
        java.lang.module.ModuleDescriptor d = ArrowDatasetProvider.class.getModule().getDescriptor();
        java.util.Map<String, List<String>> provides = new java.util.TreeMap<>();
        d.provides().forEach(p -> provides.put(p.service(), p.providers()));
        assertEquals(List.of(ArrowDatasetProvider.class.getName(), SyntheticDatasetProvider.class.getName()),
                provides.get(DatasetProvider.class.getName()));
        assertEquals(List.of(TokensKind.class.getName(), KeyValueKind.class.getName(), RegionsKind.class.getName(),
                FramesKind.class.getName()), provides.get(ModalityKindProvider.class.getName()));
        assertEquals(List.of("arrow", "synthetic"),
                List.of(new ArrowDatasetProvider().name(), new SyntheticDatasetProvider().name()));
        assertEquals(List.of("tokens", "key-value", "regions", "frames"), List.of(new TokensKind().name(),
                new KeyValueKind().name(), new RegionsKind().name(), new FramesKind().name()));
        assertEquals(java.util.Set.of("org.scale4j.data.arrow.tools"),
                d.exports().stream().map(java.lang.module.ModuleDescriptor.Exports::source)
                        .collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void syntheticSourceGeneratesOnceThenOpensTheCache() throws Exception {
        SyntheticSourceConfig config = new SyntheticSourceConfig("tiny", 7, "data", 200, "fail");
        String first;
        try (Dataset ds = new SyntheticDatasetProvider().open(TestData.context(tmp, 1), config)) {
            first = ds.fingerprint();
            assertEquals(List.of("train", "val", "test"), ds.splits());
        }
        Path dir = tmp.resolve("data/synthetic-tiny-seed7-rows200");
        assertTrue(Files.isRegularFile(dir.resolve("manifest.json")));
        long modified = Files.getLastModifiedTime(dir.resolve("train/part-00000.arrow")).toMillis();
        try (Dataset ds = new SyntheticDatasetProvider().open(TestData.context(tmp, 1), config)) {
            assertEquals(first, ds.fingerprint());
        }
        assertEquals(modified, Files.getLastModifiedTime(dir.resolve("train/part-00000.arrow")).toMillis());
        try (Dataset ds = new ArrowDatasetProvider().open(TestData.context(tmp, 1),
                ArrowSourceConfig.of("data/synthetic-tiny-seed7-rows200"))) {
            assertEquals(first, ds.fingerprint());
        }
    }

    @Test
    void openingAndClosingManyTimesLeaksNothing() {
        Path data = TestData.tiny(tmp, 120, 2);
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            for (int i = 0; i < 25; i++) {
                // each dataset owns a RootAllocator whose close() fails on any unreleased buffer
                try (Dataset ds = TestData.open(data, TestData.context(tmp, 2));
                        BatchStream s = ds.stream("train", new BatchOptions(8, true, i, List.of(), true, true, 3),
                                DataPosition.START)) {
                    try (Batch b = s.next(m)) {
                        assertEquals(8, b.size());
                    }
                    // closing with prefetched batches still queued must free them too
                }
            }
            assertEquals(0, m.getManagedArrays().size());
        }
        // closing a dataset closes its streams first: no read of an unmapped shard, no crash
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            Dataset ds = TestData.open(data, TestData.context(tmp, 2));
            BatchStream s = ds.stream("train", new BatchOptions(8, true, 1, List.of(), true, true, 4), DataPosition.START);
            s.next(m).close();
            ds.close();
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> s.next(m));
            assertEquals("the batch stream or its dataset is closed", e.getMessage());
            s.close();
        }
        try (RootAllocator probe = new RootAllocator()) {
            assertEquals(0, probe.getAllocatedMemory());
        }
    }
}
