package org.scale4j.launcher.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.launcher.CliRun;
import org.scale4j.tensorboard.reader.EventFileReader;
import org.scale4j.tensorboard.reader.TfEvent;
import org.scale4j.tensorboard.reader.TfValue;

/**
 * {@code trainer.devices: cpu:2} from the command line: two CPU replicas train like one device
 * split into two micro-batches (the same shards, drawing the same dropout masks in the same order),
 * and a batch too small for its shards is a recipe error.
 */
class DataParallelCliTest {

    @TempDir
    Path tmp;

    private static Map<Long, Double> losses(Path run) throws IOException {
        Map<Long, Double> loss = new TreeMap<>();
        try (Stream<Path> files = Files.list(run)) {
            for (Path events : files.filter(p -> p.getFileName().toString().contains("tfevents")).toList()) {
                for (TfEvent event : EventFileReader.read(events).events()) {
                    for (TfValue value : event.values()) {
                        if (value.tag().equals("loss/total")) {
                            loss.put(event.step(), value.scalar());
                        }
                    }
                }
            }
        }
        return loss;
    }

    private CliRun train(String name, String devices, int microBatches) {
        return CliRun.of(TrainEvalEmbedTest.tinyRun(tmp.resolve(name), "--set", "trainer.steps=3",
                "--set", "trainer.val_every=0", "--set", "eval.tasks=[]", "--set", "trainer.devices=" + devices,
                "--set", "trainer.micro_batches=" + microBatches).toArray(new String[0]));
    }

    @Test
    void twoCpuReplicasTrainLikeTwoMicroBatches() throws IOException {
        CliRun micro = train("micro", "cpu", 2);
        assertEquals(0, micro.status(), micro.err());
        CliRun replicas = train("replicas", "cpu:2", 1);
        assertEquals(0, replicas.status(), replicas.err());
        Path run = tmp.resolve("replicas/runs/quickstart/version_0");
        String log = Files.readString(run.resolve("train.log"));
        assertTrue(log.contains(" on cpu() x2 (data parallel; the model, objectives and optimizer on cpu())"), log);
        assertTrue(Files.readString(run.resolve("provenance.json")).contains("cpu() x2"));
        Map<Long, Double> expected = losses(tmp.resolve("micro/runs/quickstart/version_0"));
        Map<Long, Double> actual = losses(run);
        assertEquals(expected.keySet(), actual.keySet());
        assertEquals(3, actual.size());
        for (long step : expected.keySet()) {
            assertEquals(expected.get(step), actual.get(step), 1e-4 * Math.abs(expected.get(step)), "step " + step);
        }
    }

    @Test
    void aBatchTooSmallForItsShardsIsARecipeError() {
        CliRun run = train("small", "cpu:4", 8);
        assertEquals(2, run.status());
        assertEquals("error: data.batch_size: 16 is smaller than 4 device(s) (trainer.devices) x 8 micro-batch(es) "
                + "(trainer.micro_batches) = 32 shards, one sample each at least; raise data.batch_size to 32 or "
                + "more, or use fewer micro-batches or devices", run.err().strip());
        assertTrue(Files.notExists(tmp.resolve("small/runs/quickstart/version_0")), "no half-made run directory");
    }
}
