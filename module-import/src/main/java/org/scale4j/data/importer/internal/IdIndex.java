package org.scale4j.data.importer.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import org.scale4j.api.data.DataException;

/**
 * Finds product ids in one of the authors' id-keyed files without loading the file: a
 * {@link OffsetTable} maps each id to where it is written, and a lookup re-reads that spot.
 *
 * <p>Three source shapes:
 * <ul>
 *   <li>a JSON object keyed by id ({@code {"id": {...}, ...}}: the caption/meta JSON, the id-to-label
 *       files); {@link #value} parses the entry's value;</li>
 *   <li>a JSON array of ids ({@code ["id1", 2, ...]}), one form of a split id list;</li>
 *   <li>a text file with one id per line (blank lines ignored), the other form.</li>
 * </ul>
 * The file is streamed once with Jackson's streaming parser to build the table (bounded memory
 * whatever its size); thereafter lookups use positional reads and are thread-safe.
 */
public final class IdIndex implements AutoCloseable {

    private enum Shape { OBJECT, ARRAY, LINES }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory JSON = MAPPER.getFactory();
    private static final byte[] OPEN_OBJECT = {'{'};
    private static final byte[] OPEN_ARRAY = {'['};

    private final Path source;
    private final Shape shape;
    private final FileChannel channel;
    private final OffsetTable table;

    private IdIndex(Path source, Shape shape, FileChannel channel, OffsetTable table) {
        this.source = source;
        this.shape = shape;
        this.channel = channel;
        this.table = table;
    }

    /**
     * Indexes a JSON object keyed by id.
     *
     * @param valueVisitor sees every entry's id and value as it streams past (e.g. to collect the
     *     label vocabulary); values are materialised only when a visitor is given
     */
    public static IdIndex ofJsonObject(Path file, Path scratch, String name, EntryVisitor valueVisitor) {
        return build(file, scratch, name, Shape.OBJECT, valueVisitor);
    }

    /** Indexes a split id list: a JSON array (file name ending in {@code .json}) or one id per line. */
    public static IdIndex ofIdList(Path file, Path scratch, String name) {
        boolean json = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
        return build(file, scratch, name, json ? Shape.ARRAY : Shape.LINES, null);
    }

    /** Sees one entry of a JSON object while the index is built. */
    @FunctionalInterface
    public interface EntryVisitor {
        void visit(String id, JsonNode value);
    }

    private static IdIndex build(Path file, Path scratch, String name, Shape shape, EntryVisitor visitor) {
        if (!Files.isRegularFile(file)) {
            throw new DataException(file + ": file not found; check the path given for the " + name + " input");
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new DataException(file + ": cannot open (" + e.getMessage() + ")", e);
        }
        try (OffsetTable.Builder builder = new OffsetTable.Builder(scratch, name)) {
            switch (shape) {
                case LINES -> indexLines(file, builder);
                case ARRAY, OBJECT -> indexJson(file, shape, builder, visitor);
                default -> throw new IllegalStateException();
            }
            return new IdIndex(file, shape, channel, builder.build());
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static void indexJson(Path file, Shape shape, OffsetTable.Builder builder, EntryVisitor visitor) {
        try (JsonParser p = JSON.createParser(file.toFile())) {
            JsonToken first = p.nextToken();
            JsonToken expected = shape == Shape.OBJECT ? JsonToken.START_OBJECT : JsonToken.START_ARRAY;
            if (first != expected) {
                throw new DataException(file + ": expected a JSON " + (shape == Shape.OBJECT
                        ? "object keyed by product id ({\"id\": {...}, ...})" : "array of product ids ([\"id\", ...])")
                        + " but the file starts with " + first + "; check that the right file was given");
            }
            JsonToken t;
            while ((t = p.nextToken()) != null && t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
                long offset = p.currentTokenLocation().getByteOffset();
                String id;
                if (shape == Shape.OBJECT) {
                    id = p.currentName();
                    JsonToken v = p.nextToken();
                    if (visitor != null) {
                        visitor.visit(id, MAPPER.readTree(p));
                    } else if (v.isStructStart()) {
                        p.skipChildren();
                    }
                } else {
                    if (!t.isScalarValue()) {
                        throw new DataException(file + ": at byte " + offset + ": expected a product id (string or"
                                + " number) in the id list, found " + t);
                    }
                    id = p.getText();
                }
                builder.add(OffsetTable.hash(id), offset);
            }
        } catch (JsonParseException e) {
            throw new DataException(file + ": not valid JSON at byte " + e.getLocation().getByteOffset() + " (line "
                    + e.getLocation().getLineNr() + "): " + e.getOriginalMessage()
                    + "; the file may be truncated; re-download or fix it", e);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static void indexLines(Path file, OffsetTable.Builder builder) {
        try (LineReader lines = new LineReader(FileChannel.open(file, StandardOpenOption.READ), 0)) {
            while (lines.next()) {
                String id = lines.text().strip();
                if (!id.isEmpty()) {
                    builder.add(OffsetTable.hash(id), lines.lineStart());
                }
            }
        } catch (IOException e) {
            throw new DataException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** The indexed file. */
    public Path source() {
        return source;
    }

    /** The number of ids (duplicates counted). */
    public long size() {
        return table.size();
    }

    /** The number of slots: the bound of {@link #slot}'s results. */
    public long capacity() {
        return table.capacity();
    }

    /** Whether {@code id} is in the file. */
    public boolean contains(String id) {
        return slot(id) >= 0;
    }

    /** A stable number in {@code [0, capacity())} for an indexed id (its last occurrence), or -1. */
    public long slot(String id) {
        return table.find(OffsetTable.hash(id), offset -> id.equals(keyAt(offset)));
    }

    /** The value of {@code id} in a JSON object file (its last occurrence), or {@code null}. */
    public JsonNode value(String id) {
        if (shape != Shape.OBJECT) {
            throw new IllegalStateException("only a JSON object has values");
        }
        long slot = slot(id);
        if (slot < 0) {
            return null;
        }
        try (JsonParser p = objectParserAt(table.offsetAt(slot))) {
            p.nextToken();
            p.nextToken();
            p.nextToken();
            return MAPPER.readTree(p);
        } catch (IOException e) {
            throw new DataException(source + ": cannot re-read the entry of product " + id + " (" + e.getMessage()
                    + "); was the file changed during the import?", e);
        }
    }

    private String keyAt(long offset) {
        try {
            switch (shape) {
                case LINES -> {
                    return readLine(offset).strip();
                }
                case OBJECT -> {
                    try (JsonParser p = objectParserAt(offset)) {
                        p.nextToken();
                        return p.nextToken() == JsonToken.FIELD_NAME ? p.currentName() : null;
                    }
                }
                case ARRAY -> {
                    try (JsonParser p = JSON.createParser(new SequenceInputStream(
                            new ByteArrayInputStream(OPEN_ARRAY), new PositionalInputStream(channel, offset)))) {
                        p.nextToken();
                        JsonToken t = p.nextToken();
                        return t != null && t.isScalarValue() ? p.getText() : null;
                    }
                }
                default -> throw new IllegalStateException();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot re-read at byte " + offset, e);
        }
    }

    private JsonParser objectParserAt(long offset) throws IOException {
        InputStream in = new SequenceInputStream(new ByteArrayInputStream(OPEN_OBJECT),
                new PositionalInputStream(channel, offset));
        return JSON.createParser(in);
    }

    private String readLine(long offset) throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(32);
        ByteBuffer buf = ByteBuffer.allocate(256);
        long pos = offset;
        while (true) {
            buf.clear();
            int n = channel.read(buf, pos);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                byte b = buf.get(i);
                if (b == '\n') {
                    return line.toString(StandardCharsets.UTF_8);
                }
                line.write(b);
            }
            pos += n;
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        table.close();
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // read-only channel; nothing was written
        }
    }
}
