package org.scale4j.data.importer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.api.data.DataException;

class IdIndexTest {

    @TempDir
    Path tmp;

    @Test
    void jsonObjectLookupsReReadTheEntryAndTheLastDuplicateWins() throws IOException {
        Path f = tmp.resolve("caps.json");
        Files.writeString(f, "{\"1\": {\"title\": \"红色 #;# 裙\", \"pv\": \"a#:#b\", \"label\": \"女装\"},\n"
                + " \"2\": {\"title\": \"old\", \"nested\": {\"x\": [1, {\"y\": 2}]}},\n"
                + " \"中文id\": \"plain label\",\n"
                + " \"2\": {\"title\": \"new\"}}", StandardCharsets.UTF_8);
        List<String> visited = new ArrayList<>();
        try (IdIndex idx = IdIndex.ofJsonObject(f, tmp.resolve("s"), "caps", (id, v) -> visited.add(id + "=" + v))) {
            assertEquals(4, idx.size());
            assertEquals("红色 #;# 裙", idx.value("1").get("title").asText());
            assertEquals("new", idx.value("2").get("title").asText());
            assertEquals("plain label", idx.value("中文id").asText());
            assertNull(idx.value("3"));
            assertFalse(idx.contains("3"));
            assertEquals(idx.slot("2"), idx.slot("2"));
            assertTrue(idx.slot("2") >= 0 && idx.slot("2") < idx.capacity());
        }
        assertEquals("2={\"title\":\"old\",\"nested\":{\"x\":[1,{\"y\":2}]}}", visited.get(1));
    }

    @Test
    void idListsAsJsonArrayOrLines() throws IOException {
        Path json = tmp.resolve("ids.json");
        Files.writeString(json, "[\"a\", 17, \"c\"]");
        Path lines = tmp.resolve("ids.txt");
        Files.writeString(lines, "x\r\n\n  y \nz");
        try (IdIndex a = IdIndex.ofIdList(json, tmp.resolve("s"), "a");
             IdIndex b = IdIndex.ofIdList(lines, tmp.resolve("s"), "b")) {
            assertTrue(a.contains("a") && a.contains("17") && a.contains("c"));
            assertFalse(a.contains("1"));
            assertTrue(b.contains("x") && b.contains("y") && b.contains("z"));
            assertEquals(3, b.size());
        }
    }

    @Test
    void manyIdsAllFound() throws IOException {
        Path lines = tmp.resolve("many.txt");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.append(i * 7919L).append('\n');
        }
        Files.writeString(lines, sb);
        try (IdIndex idx = IdIndex.ofIdList(lines, tmp.resolve("s"), "many")) {
            Set<Long> slots = new HashSet<>();
            for (int i = 0; i < 20_000; i++) {
                long slot = idx.slot(String.valueOf(i * 7919L));
                assertTrue(slot >= 0);
                slots.add(slot);
            }
            assertEquals(20_000, slots.size());
            assertFalse(idx.contains("1"));
        }
    }

    @Test
    void equalHashesAreTellApartByTheVerifier() {
        // force collisions: every entry has hash 5; offsets stand for distinct keys
        OffsetTable.Builder b = new OffsetTable.Builder(tmp.resolve("s"), "t");
        for (long off = 0; off < 10; off++) {
            b.add(5, off * 100);
        }
        try (OffsetTable t = b.build()) {
            for (long off = 0; off < 10; off++) {
                long want = off * 100;
                long slot = t.find(5, o -> o == want);
                assertEquals(want, t.offsetAt(slot));
            }
            assertEquals(-1, t.find(5, o -> false));
            assertEquals(-1, t.find(6, o -> true));
        }
    }

    @Test
    void wrongShapesAreUserErrors() throws IOException {
        Path f = tmp.resolve("list.json");
        Files.writeString(f, "[1, 2]");
        DataException e = assertThrows(DataException.class,
                () -> IdIndex.ofJsonObject(f, tmp.resolve("s"), "captions", null));
        assertEquals(f + ": expected a JSON object keyed by product id ({\"id\": {...}, ...}) but the file starts"
                + " with START_ARRAY; check that the right file was given", e.getMessage());
        Path nested = tmp.resolve("nested.json");
        Files.writeString(nested, "[\"a\", [\"b\"]]");
        e = assertThrows(DataException.class, () -> IdIndex.ofIdList(nested, tmp.resolve("s"), "split"));
        assertEquals(nested + ": at byte 6: expected a product id (string or number) in the id list, found"
                + " START_ARRAY", e.getMessage());
    }
}
