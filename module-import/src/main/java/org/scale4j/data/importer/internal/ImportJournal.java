package org.scale4j.data.importer.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.scale4j.api.data.DataException;

/**
 * The progress journal of an import ({@code <out>/_import/journal.jsonl}): a header line with the
 * fingerprint of the inputs and options, then one JSON line per finished chunk, appended and fsynced
 * after the chunk's shards were renamed into place. A crash can at worst lose the last line (its
 * chunk is then redone); a torn last line is ignored. A later line for the same chunk replaces an
 * earlier one.
 */
public final class ImportJournal implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORMAT = "scale4j-import-journal";

    private final Path file;
    private final FileChannel channel;
    private final Map<String, ChunkRecord> records;

    private ImportJournal(Path file, FileChannel channel, Map<String, ChunkRecord> records) {
        this.file = file;
        this.channel = channel;
        this.records = records;
    }

    /**
     * Opens the journal, creating it for a fresh import.
     *
     * @param fingerprint describes the inputs and options; a journal made with another one is refused
     */
    public static ImportJournal open(Path file, Map<String, Object> fingerprint) {
        Map<String, ChunkRecord> records = new LinkedHashMap<>();
        try {
            Files.createDirectories(file.getParent());
            String header = JSON.writeValueAsString(Map.of("format", FORMAT, "version", 1, "fingerprint",
                    fingerprint));
            if (Files.exists(file)) {
                try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    String first = in.readLine();
                    JsonNode old = first == null ? null : parse(first);
                    JsonNode now = JSON.readTree(header);
                    if (old != null && !old.path("fingerprint").equals(now.path("fingerprint"))) {
                        throw new DataException(file.getParent().getParent() + ": holds an import made with other"
                                + " inputs or options (" + differences(old.path("fingerprint"), now.path("fingerprint"))
                                + "); rerun with the same inputs and options to resume, or import into an empty"
                                + " directory");
                    }
                    if (old != null) {
                        String line;
                        while ((line = in.readLine()) != null) {
                            JsonNode node = parse(line);
                            if (node != null) {
                                ChunkRecord r = JSON.treeToValue(node, ChunkRecord.class);
                                records.put(r.unit(), r);
                            }
                        }
                    } else {
                        Files.delete(file);
                    }
                }
            }
            boolean fresh = !Files.exists(file);
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            ImportJournal journal = new ImportJournal(file, ch, records);
            if (fresh) {
                journal.appendLine(header);
            }
            return journal;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the import journal " + file, e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            return null; // a line torn by a crash: its chunk is redone
        }
    }

    private static String differences(JsonNode old, JsonNode now) {
        StringBuilder sb = new StringBuilder();
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        old.fieldNames().forEachRemaining(keys::add);
        now.fieldNames().forEachRemaining(keys::add);
        for (String k : keys) {
            if (!old.path(k).equals(now.path(k))) {
                sb.append(sb.length() == 0 ? "" : "; ").append(k).append(": was ").append(old.path(k))
                        .append(", now ").append(now.path(k));
            }
        }
        return sb.toString();
    }

    /** The record of a chunk from an earlier run, or {@code null}. */
    public synchronized ChunkRecord get(String unit) {
        return records.get(unit);
    }

    /** Records a finished chunk durably. */
    public synchronized void append(ChunkRecord record) {
        try {
            appendLine(JSON.writeValueAsString(record));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the import journal " + file, e);
        }
        records.put(record.unit(), record);
    }

    private void appendLine(String line) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (bb.hasRemaining()) {
            channel.write(bb);
        }
        channel.force(true);
    }

    /** The SHA-256 of a file, lower-case hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(1 << 20);
            while (ch.read(buf) > 0) {
                buf.flip();
                md.update(buf);
                buf.clear();
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // every append was already forced to disk
        }
    }
}
