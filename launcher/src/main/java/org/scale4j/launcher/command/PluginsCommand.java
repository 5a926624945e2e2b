package org.scale4j.launcher.command;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.scale4j.api.plugin.PluginKind;
import org.scale4j.launcher.ExitCodes;
import org.scale4j.launcher.plugin.DiscoveredProvider;
import org.scale4j.launcher.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code scale4j plugins}: every discovered provider by kind, with its module and jar. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List the discovered plugins by kind, with module and jar.")
public final class PluginsCommand implements Callable<Integer> {

    @ParentCommand
    private ScaleCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PluginRegistry registry = PluginRegistry.discover(root.pluginDirs());
        PrintWriter out = spec.commandLine().getOut();
        for (PluginKind kind : PluginKind.values()) {
            List<DiscoveredProvider> providers = registry.discovered(kind);
            out.println(kind.displayName() + " (recipe: " + kind.recipeSection() + ")");
            if (providers.isEmpty()) {
                out.println("  (none discovered)");
            }
            int width = providers.stream().mapToInt(p -> p.name().length()).max().orElse(0);
            for (DiscoveredProvider provider : providers) {
                String description = provider.provider().description();
                out.println("  " + pad(provider.name(), width) + "  module " + provider.module() + "  " + provider.location()
                        + (description.isEmpty() ? "" : "\n  " + pad("", width) + "  " + description));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
