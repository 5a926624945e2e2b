package org.scale4j.data.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.data.BatchOptions;
import org.scale4j.api.data.BatchStream;
import org.scale4j.api.data.DataPosition;
import org.scale4j.api.data.Dataset;
import org.scale4j.api.modality.MaskingRequest;

class SmokeTest {
    @TempDir Path tmp;

    @Test
    void generatesOpensAndBatches() {
        Path data = TestData.tiny(tmp, 300, 1);
        try (Dataset ds = TestData.open(data, TestData.context(tmp, 1));
                NDManager m = NDManager.newBaseManager("PyTorch")) {
            System.out.println(ds.modalities() + " " + ds.splits() + " " + ds.size("train"));
            List<MaskingRequest> masks = List.of(new MaskingRequest("text", "token", 0.15, 0),
                    new MaskingRequest("table", "entity", 0.15, 0), new MaskingRequest("image", "zero", 0.15, 0.1));
            try (BatchStream s = ds.stream("train", new BatchOptions(8, true, 3, masks, true, true, 2), DataPosition.START)) {
                try (Batch b = s.next(m)) {
                    b.modalities().forEach((k, v) -> System.out.println(k + " present " + v.present() + " inputs "
                            + v.inputs().keySet() + v.inputs().values().stream().map(a -> a.getShape()).toList()));
                    System.out.println(b.modality("text").input("ids"));
                    System.out.println(b.modality("table").input("ids"));
                    System.out.println(b.modality("image").input("feats").get("0,0:3,0:4"));
                    assertEquals(8, b.size());
                }
            }
        }
    }
}
