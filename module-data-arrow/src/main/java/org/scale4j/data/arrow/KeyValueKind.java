package org.scale4j.data.arrow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.scale4j.api.modality.ModalityCollator;
import org.scale4j.api.modality.ModalityContext;
import org.scale4j.api.modality.ModalityKindProvider;
import org.scale4j.data.arrow.collate.KeyValueCollator;
import org.scale4j.data.arrow.config.KeyValueConfig;
import org.scale4j.data.arrow.tokenize.TokenizerResolver;

/** {@code kind: key-value}: a table of key/value properties as token ids with whole-entity (MEM) masking. */
public final class KeyValueKind implements ModalityKindProvider<KeyValueConfig> {

    @Override
    public String name() {
        return "key-value";
    }

    @Override
    public Class<KeyValueConfig> configType() {
        return KeyValueConfig.class;
    }

    @Override
    public String description() {
        return "list<struct<key, value>> as [CLS] k1 v1 k2 v2 ... [SEP]; MEM masks a whole key or value span";
    }

    @Override
    public ModalityCollator create(ModalityContext context, KeyValueConfig config) {
        String column = context.column();
        return new KeyValueCollator(context, config.maxLen(), TokenizerResolver.resolve(context, config.tokenizer(),
                row -> {
                    List<Map.Entry<String, String>> table = row.isNull(column) ? null : row.keyValues(column);
                    List<String> texts = new ArrayList<>();
                    if (table != null) {
                        table.forEach(e -> {
                            texts.add(e.getKey());
                            texts.add(e.getValue());
                        });
                    }
                    return texts;
                }));
    }
}
