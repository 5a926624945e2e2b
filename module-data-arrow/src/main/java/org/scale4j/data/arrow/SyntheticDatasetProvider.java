package org.scale4j.data.arrow;

import java.nio.file.Files;
import java.nio.file.Path;
import org.scale4j.api.data.DataContext;
import org.scale4j.api.data.Dataset;
import org.scale4j.api.data.DatasetProvider;
import org.scale4j.data.arrow.config.OnBadRow;
import org.scale4j.data.arrow.config.SyntheticSourceConfig;
import org.scale4j.data.arrow.dataset.ArrowDataset;
import org.scale4j.data.arrow.dataset.DatasetLayout;
import org.scale4j.data.arrow.dataset.SourceOptions;
import org.scale4j.data.arrow.tools.SyntheticGenerator;
import org.scale4j.data.arrow.tools.SyntheticPreset;

/**
 * {@code data.source.type: synthetic}: generates the synthetic M5Product preset into
 * {@code <dir>/synthetic-<preset>-seed<seed>[-rows<n>]} when it is absent, then opens it as Arrow.
 */
public final class SyntheticDatasetProvider implements DatasetProvider<SyntheticSourceConfig> {

    private static final System.Logger LOG = System.getLogger(SyntheticDatasetProvider.class.getName());

    @Override
    public String name() {
        return "synthetic";
    }

    @Override
    public Class<SyntheticSourceConfig> configType() {
        return SyntheticSourceConfig.class;
    }

    @Override
    public String description() {
        return "a synthetic M5Product-like dataset (tiny | small | paper), generated on first use and cached";
    }

    @Override
    public Dataset open(DataContext context, SyntheticSourceConfig config) {
        SyntheticPreset preset = SyntheticPreset.byName(config.preset(), "data.source.preset");
        if (config.rows() > 0) {
            preset = preset.withRows(config.rows());
        }
        Path dir = context.workDir().resolve(config.dir()).resolve("synthetic-" + preset.name() + "-seed"
                + config.seed() + (config.rows() > 0 ? "-rows" + config.rows() : ""));
        if (!Files.isRegularFile(dir.resolve(DatasetLayout.MANIFEST))) {
            LOG.log(System.Logger.Level.INFO, "generating the synthetic " + preset.name() + " dataset into " + dir);
            SyntheticGenerator.generate(preset, dir, config.seed(), message -> LOG.log(System.Logger.Level.INFO, message));
        }
        SourceOptions options = new SourceOptions("id", "category", "product_group",
                config.onBadRow().equals(OnBadRow.SKIP), "data.source");
        return ArrowDataset.open(DatasetLayout.resolve(dir, "data.source"), options, context);
    }
}
