package org.scale4j.training.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardPlanTest {

    private static List<Integer> owners(int shards, int replicas) {
        List<Integer> owners = new ArrayList<>();
        for (int j = 0; j < shards; j++) {
            owners.add(ShardPlan.owner(j, shards, replicas));
        }
        return owners;
    }

    @Test
    void eachReplicaGetsItsMicroBatchesInOrder() {
        assertEquals(6, ShardPlan.shards(64, 2, 3));
        assertEquals(List.of(0, 0, 0, 1, 1, 1), owners(6, 2));
        assertEquals(List.of(0, 1, 2), owners(ShardPlan.shards(8, 3, 1), 3));
    }

    @Test
    void aShortLastBatchGetsFewerShards() {
        assertEquals(3, ShardPlan.shards(3, 2, 2));
        assertEquals(List.of(0, 0, 1), owners(3, 2));
        assertEquals(1, ShardPlan.shards(1, 4, 1));
    }

    @Test
    void recipeCheckNamesTheKeys() {
        assertNull(ShardPlan.problem(8, 2, 4));
        assertEquals("data.batch_size: 6 is smaller than 2 device(s) (trainer.devices) x 4 micro-batch(es) "
                + "(trainer.micro_batches) = 8 shards, one sample each at least; raise data.batch_size to 8 or more, "
                + "or use fewer micro-batches or devices", ShardPlan.problem(6, 2, 4));
    }
}
