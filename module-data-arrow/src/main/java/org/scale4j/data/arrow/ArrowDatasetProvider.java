package org.scale4j.data.arrow;

import java.nio.file.Path;
import org.scale4j.api.data.DataContext;
import org.scale4j.api.data.Dataset;
import org.scale4j.api.data.DatasetProvider;
import org.scale4j.data.arrow.config.ArrowSourceConfig;
import org.scale4j.data.arrow.config.OnBadRow;
import org.scale4j.data.arrow.dataset.ArrowDataset;
import org.scale4j.data.arrow.dataset.DatasetLayout;
import org.scale4j.data.arrow.dataset.SourceOptions;

/** {@code data.source.type: arrow}: Arrow IPC shards (file or stream format) in the canonical layout. */
public final class ArrowDatasetProvider implements DatasetProvider<ArrowSourceConfig> {

    @Override
    public String name() {
        return "arrow";
    }

    @Override
    public Class<ArrowSourceConfig> configType() {
        return ArrowSourceConfig.class;
    }

    @Override
    public String description() {
        return "memory-mapped Arrow IPC shards (pyarrow, HF datasets, apache-arrow JS, Arrow Java) in the M5Product layout";
    }

    @Override
    public Dataset open(DataContext context, ArrowSourceConfig config) {
        Path path = context.workDir().resolve(config.path());
        SourceOptions options = new SourceOptions(config.idColumn(), config.categoryColumn(),
                config.productGroupColumn(), config.onBadRow().equals(OnBadRow.SKIP), "data.source");
        return ArrowDataset.open(DatasetLayout.resolve(path, "data.source.path"), options, context);
    }
}
