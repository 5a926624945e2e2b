package org.scale4j.data.importer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableParserTest {

    private static List<String> flat(List<String[]> pairs) {
        List<String> out = new ArrayList<>();
        pairs.forEach(p -> out.add(p[0] + "=" + p[1]));
        return out;
    }

    @Test
    void splitsItemsThenKeyFromValue() {
        List<String> bad = new ArrayList<>();
        assertEquals(List.of("颜色=红色", "尺码=M"), flat(TableParser.parse("颜色#:#红色#;#尺码#:#M", bad::add)));
        assertEquals(List.of("材质=棉#:#麻", "空="), flat(TableParser.parse("材质#:#棉#:#麻#;#空#:#", bad::add)));
        assertEquals(List.of(), bad);
    }

    @Test
    void emptyOrSingleCharacterPvIsNoTable() {
        assertNull(TableParser.parse(null, s -> { }));
        assertNull(TableParser.parse("", s -> { }));
        assertNull(TableParser.parse("x", s -> { }));
    }

    @Test
    void itemsWithoutSeparatorAreReportedAndSkipped() {
        List<String> bad = new ArrayList<>();
        assertEquals(List.of("k=v"), flat(TableParser.parse("无分隔符#;#k#:#v#;#", bad::add)));
        assertEquals(List.of("无分隔符"), bad);
        bad.clear();
        assertNull(TableParser.parse("only words", bad::add));
        assertEquals(List.of("only words"), bad);
    }
}
