package org.scale4j.training.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddingCombinationsTest {

    @Test
    void namesAreSortedFullNamesJoinedByPlus() {
        assertEquals("image+text", EmbeddingCombinations.name(List.of("text", "image")));
        assertEquals("audio+image+table+text+video",
                EmbeddingCombinations.name(List.of("video", "text", "table", "image", "audio")));
    }

    @Test
    void allSubsetsBySizeThenName() {
        List<String> names = new ArrayList<>();
        for (List<String> s : EmbeddingCombinations.allSubsets(List.of("text", "image", "table"))) {
            names.add(EmbeddingCombinations.name(s));
        }
        assertEquals(List.of("image", "table", "text", "image+table", "image+text", "table+text", "image+table+text"),
                names);
        assertEquals(31, EmbeddingCombinations.allSubsets(List.of("text", "table", "image", "video", "audio")).size());
    }

    @Test
    void releasedSubsetsFollowTheSpec() {
        List<String> names = new ArrayList<>();
        for (List<String> s : EmbeddingCombinations.releasedSubsets()) {
            names.add(EmbeddingCombinations.name(s));
        }
        // spec 3.2: t p i v a | tp ti tv pi pv iv ta pa ia va | tpi tpv tiv piv | tpiv | tpiva
        assertEquals(List.of("text", "table", "image", "video", "audio", "table+text", "image+text", "text+video",
                "image+table", "table+video", "image+video", "audio+text", "audio+table", "audio+image", "audio+video",
                "image+table+text", "table+text+video", "image+text+video", "image+table+video",
                "image+table+text+video", "audio+image+table+text+video"), names);
    }

    /*
     * text  = (1, 2), (3, 4)       present: yes, yes
     * image = (10, 20), (30, 40)   present: yes, no
     * image+text = (11, 22), (3, 4)   (row 1 has no image, so only its text counts; plain sum, no normalisation)
     */
    @Test
    void plainSumSkipsAbsentModalities() {
        Map<String, FeatureMatrix> f = Map.of(
                "text", FeatureMatrix.of(new float[][] {{1, 2}, {3, 4}}),
                "image", FeatureMatrix.of(new float[][] {{10, 20}, {30, 40}}));
        Map<String, boolean[]> present = Map.of("image", new boolean[] {true, false});
        Map<String, FeatureMatrix> out = EmbeddingCombinations.combineAll(f, present);
        assertEquals(List.of("image", "text", "image+text"), List.copyOf(out.keySet()));
        assertArrayEquals(new float[] {11, 22, 3, 4}, out.get("image+text").data());
        assertArrayEquals(new float[] {10, 20, 0, 0}, out.get("image").data());
        assertArrayEquals(new float[] {1, 2, 3, 4}, out.get("text").data());
    }

    @Test
    void unknownModalityIsNamed() {
        Map<String, FeatureMatrix> f = Map.of("text", FeatureMatrix.of(new float[][] {{1}}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmbeddingCombinations.combine(f, Map.of(), List.of(List.of("text", "video"))));
        assertEquals("combination 'text+video' needs modality 'video' but features exist only for [text]",
                e.getMessage());
    }
}
