package org.scale4j.tensorboard.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The host name for event file names, made safe for a file name ({@code [A-Za-z0-9._-]}).
 *
 * <p>Looked up without DNS where possible ({@code HOSTNAME}, then the Linux kernel's name) because a
 * misconfigured resolver can make {@link InetAddress#getLocalHost()} take seconds.
 */
final class HostName {

    private HostName() {
    }

    static String sanitized() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            try {
                name = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            } catch (IOException | SecurityException e) {
                name = null;
            }
        }
        if (name == null || name.isBlank()) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                name = "localhost";
            }
        }
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() ? "localhost" : safe;
    }
}
