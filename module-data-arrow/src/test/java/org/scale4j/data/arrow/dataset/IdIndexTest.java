package org.scale4j.data.arrow.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Duplicate ids are found exactly: by the stored row's id read back, not by the hash alone. */
class IdIndexTest {

    @Test
    void aRepeatedIdGivesTheFirstRowAndNewIdsGiveMinusOne() {
        Map<Long, String> ids = new HashMap<>();
        IdIndex index = new IdIndex(20_000, ids::get);
        for (long ref = 0; ref < 20_000; ref++) {
            String id = "p" + ref;
            ids.put(ref, id);
            assertEquals(-1, index.add(id, ref), id);
        }
        long later = (7L << 32) | 3; // a row of another record batch
        ids.put(later, "p12345");
        assertEquals(12_345, index.add("p12345", later));
        ids.put(later + 1, "p20000");
        assertEquals(-1, index.add("p20000", later + 1));
        assertEquals(later + 1, index.add("p20000", later + 2), "the first of the repeated rows");
    }

    @Test
    void anEqualHashWithAnotherIdIsNoDuplicate() {
        // The stored row's id reads back as something else: exactly what a hash collision between two
        // different ids looks like to the index. It must compare the ids and keep both.
        IdIndex index = new IdIndex(4, ref -> ref == 0 ? "not-a" : "a");
        assertEquals(-1, index.add("a", 0));
        assertEquals(-1, index.add("a", 1), "hash equal, id different: new");
        assertEquals(1, index.add("a", 2), "now the stored row 1 reads back as 'a'");
    }

    @Test
    void theHashSeparatesIdsThatJavaHashesAlike() {
        assertEquals("Aa".hashCode(), "BB".hashCode());
        assertNotEquals(IdIndex.hash("Aa"), IdIndex.hash("BB"));
        Map<Long, String> ids = Map.of(0L, "Aa", 1L, "BB");
        IdIndex index = new IdIndex(2, ids::get);
        assertEquals(-1, index.add("Aa", 0));
        assertEquals(-1, index.add("BB", 1));
        assertEquals(0, index.add("Aa", 5));
    }

    @Test
    void growsPastItsHintAndNeverReservesForADamagedRowCount() {
        IdIndex damaged = new IdIndex(Long.MAX_VALUE / 4, ref -> "x");
        assertEquals(1 << 20, damaged.capacity(), "a row count read from a damaged file is only a hint");
        Map<Long, String> ids = new HashMap<>();
        IdIndex index = new IdIndex(2, ids::get);
        for (long ref = 0; ref < 5_000; ref++) {
            ids.put(ref, "q" + ref);
            assertEquals(-1, index.add("q" + ref, ref));
        }
        assertEquals(16_384, index.capacity(), "at most half full");
        for (long ref = 0; ref < 5_000; ref++) {
            assertEquals(ref, index.add("q" + ref, 10_000 + ref), "found again after growing");
        }
    }
}
