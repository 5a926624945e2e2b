package org.scale4j.testplugin;

import org.scale4j.api.data.DataContext;
import org.scale4j.api.data.Dataset;
import org.scale4j.api.data.DatasetProvider;
import org.scale4j.testplugin.config.DatasetConfig;

public final class TestDatasetProvider implements DatasetProvider<DatasetConfig> {
    @Override public String name() { return "test-data"; }
    @Override public Class<DatasetConfig> configType() { return DatasetConfig.class; }
    @Override public Dataset open(DataContext context, DatasetConfig config) {
        throw new UnsupportedOperationException("the test plugin only exercises discovery and recipe binding");
    }
}
