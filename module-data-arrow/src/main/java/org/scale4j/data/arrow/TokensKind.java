package org.scale4j.data.arrow;

import java.util.List;
import org.scale4j.api.data.DataException;
import org.scale4j.api.modality.ModalityCollator;
import org.scale4j.api.modality.ModalityContext;
import org.scale4j.api.modality.ModalityKindProvider;
import org.scale4j.data.arrow.collate.TitleCollator;
import org.scale4j.data.arrow.config.TokensConfig;
import org.scale4j.data.arrow.tokenize.TokenizerResolver;

/** {@code kind: tokens}: a utf8 text column (the title) as BERT token ids with MLM masking. */
public final class TokensKind implements ModalityKindProvider<TokensConfig> {

    @Override
    public String name() {
        return "tokens";
    }

    @Override
    public Class<TokensConfig> configType() {
        return TokensConfig.class;
    }

    @Override
    public String description() {
        return "utf8 text as [CLS] tokens [SEP] (HF tokenizer.json or a vocabulary built from the data); MLM masking";
    }

    @Override
    public ModalityCollator create(ModalityContext context, TokensConfig config) {
        String column = context.column();
        if (config.pretokenized() && !config.tokenizer().type().equals("hf")) {
            throw new DataException(context.recipeKey() + ".pretokenized: ids in column '" + column + "' need the "
                    + "vocabulary they were made with; set " + context.recipeKey()
                    + ".tokenizer: {type: hf, path: <the tokenizer.json used at import>}");
        }
        return new TitleCollator(context, config.maxLen(), TokenizerResolver.resolve(context, config.tokenizer(),
                row -> row.isNull(column) ? List.of() : List.of(row.string(column))), config.pretokenized());
    }
}
