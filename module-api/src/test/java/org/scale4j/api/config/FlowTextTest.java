package org.scale4j.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FlowTextTest {

    @Test
    void parsesScalarsListsAndMaps() {
        ConfigNode node = FlowText.parse("{type: self-harmonized, betas: [0.9, 0.999], quoted: 'a, b', none: ~, on: true}",
                SourceLocation.DEFAULT);
        assertEquals("{type=self-harmonized, betas=[0.9, 0.999], quoted=a, b, none=null, on=true}", RecordBinderTest.flat(node));
        MapNode map = (MapNode) node;
        assertEquals(ScalarNode.Type.NUMBER, ((ScalarNode) ((ListNode) map.get("betas").orElseThrow()).items().get(0)).type());
        assertEquals(ScalarNode.Type.BOOLEAN, ((ScalarNode) map.get("on").orElseThrow()).type());
        assertEquals(ScalarNode.Type.NULL, ((ScalarNode) map.get("none").orElseThrow()).type());
    }

    @Test
    void recognisesRecipeNumbers() {
        for (String number : new String[] {"1", "-2", "1_000", "0.07", "3e-4", "1.0E-4", ".5"}) {
            assertEquals(true, FlowText.isNumber(number), number);
        }
        for (String text : new String[] {"e5", "1.2.3", "0x10", "NaN", "", "."}) {
            assertEquals(false, FlowText.isNumber(text), text);
        }
    }

    @Test
    void rejectsBrokenDefaults() {
        assertThrows(IllegalArgumentException.class, () -> FlowText.parse("[1, 2", SourceLocation.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> FlowText.parse("{a 1}", SourceLocation.DEFAULT));
    }
}
