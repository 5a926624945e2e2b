package org.scale4j.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyNamesTest {

    enum Sample { BERT_ADAM }

    @Test
    void convertsJavaNamesToRecipeNames() {
        assertEquals("batch_size", KeyNames.snake("batchSize"));
        assertEquals("init_std", KeyNames.snake("initStd"));
        assertEquals("steps", KeyNames.snake("steps"));
        assertEquals("bert-adam", KeyNames.enumValue(Sample.BERT_ADAM));
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, KeyNames.editDistance("lr", "lr"));
        assertEquals(1, KeyNames.editDistance("batch_sise", "batch_size"));
        assertEquals(2, KeyNames.editDistance("wlak", "walk"));
        assertEquals(3, KeyNames.editDistance("kitten", "sitting"));
    }

    @Test
    void suggestsOnlyCloseCandidates() {
        assertEquals(Optional.of("warmup"), KeyNames.closest("warmpu", List.of("type", "warmup")));
        assertEquals(Optional.empty(), KeyNames.closest("optimizer", List.of("steps", "devices")));
        assertEquals(Optional.empty(), KeyNames.closest("x", List.of()));
    }
}
