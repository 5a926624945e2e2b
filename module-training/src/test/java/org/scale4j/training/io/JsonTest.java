package org.scale4j.training.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void escapesAndIndents() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", "a \"quoted\"\nline\u0001");
        map.put("values", List.of(1, 2.5, true));
        map.put("nan", Double.NaN);
        map.put("empty", Map.of());
        map.put("none", Arrays.asList((Object) null));
        assertEquals("""
                {
                  "name": "a \\"quoted\\"\\nline\\u0001",
                  "values": [
                    1,
                    2.5,
                    true
                  ],
                  "nan": null,
                  "empty": {},
                  "none": [
                    null
                  ]
                }""", Json.write(map));
    }
}
