package org.scale4j.launcher.plugin;

import java.util.List;
import org.scale4j.launcher.UserException;

/** Plugins could not be discovered: every broken jar, bad provider or duplicate name, one per line. */
public class PluginException extends UserException {

    private static final long serialVersionUID = 1L;

    public PluginException(List<String> problems) {
        super(String.join("\n", problems));
    }
}
