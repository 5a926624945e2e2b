package org.scale4j.training.session;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Console output that also goes to the run's log file, so a run leaves a record of what it printed
 * even when the terminal is gone. Progress-bar redraws ({@code \r}) are written to the file as is.
 */
final class TeeOutput extends OutputStream {

    private final OutputStream console;
    private final OutputStream file;

    private TeeOutput(OutputStream console, OutputStream file) {
        this.console = console;
        this.file = file;
    }

    /** A print stream writing to {@code console} and appending to {@code log}. */
    static PrintStream open(PrintStream console, Path log) throws IOException {
        OutputStream file = Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return new PrintStream(new TeeOutput(console, file), true, StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) throws IOException {
        console.write(b);
        file.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        console.write(b, off, len);
        file.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        console.flush();
        file.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        file.close();
    }
}
