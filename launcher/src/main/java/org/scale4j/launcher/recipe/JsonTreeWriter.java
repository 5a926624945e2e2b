package org.scale4j.launcher.recipe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.scale4j.api.config.ConfigNode;
import org.scale4j.api.config.ListNode;
import org.scale4j.api.config.MapNode;
import org.scale4j.api.config.ScalarNode;

/** Writes a {@link ConfigNode} tree as pretty-printed JSON (used for the recipe JSON Schema). */
public final class JsonTreeWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private JsonTreeWriter() {
    }

    /** The JSON text of {@code tree}, ending with a newline. */
    public static String write(ConfigNode tree) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json(tree)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static JsonNode json(ConfigNode node) {
        if (node instanceof MapNode map) {
            ObjectNode object = NODES.objectNode();
            map.entries().forEach(e -> object.set(e.key(), json(e.value())));
            return object;
        }
        if (node instanceof ListNode list) {
            ArrayNode array = NODES.arrayNode();
            list.items().forEach(item -> array.add(json(item)));
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        return switch (scalar.type()) {
            case NULL -> NODES.nullNode();
            case BOOLEAN -> NODES.booleanNode(Boolean.parseBoolean(scalar.text()));
            case NUMBER -> number(scalar.text());
            case STRING -> NODES.textNode(scalar.text());
        };
    }

    private static JsonNode number(String text) {
        String clean = text.replace("_", "");
        try {
            return NODES.numberNode(Long.parseLong(clean));
        } catch (NumberFormatException notAnInteger) {
            return NODES.numberNode(new BigDecimal(clean));
        }
    }
}
