package org.scale4j.tensorboard.internal;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One protobuf message being encoded, field by field, with protobuf-java's {@link CodedOutputStream}.
 *
 * <p>TensorBoard's messages (Event, Summary, HistogramProto, the hparams plugin data) are written
 * from their public field numbers rather than from generated classes, so this module needs only the
 * protobuf runtime. Nested messages are encoded first and then written as length-delimited bytes
 * of their parent. Every method returns {@code this}; {@link #toByteArray()} finishes the message.
 * Fields are written exactly as called: proto3 default-value elision is the caller's choice.
 */
public final class ProtoWriter {

    private final ByteArrayOutputStream bytes;
    private final CodedOutputStream out;

    public ProtoWriter() {
        this(64);
    }

    /** @param expectedSize a size hint in bytes */
    public ProtoWriter(int expectedSize) {
        bytes = new ByteArrayOutputStream(expectedSize);
        out = CodedOutputStream.newInstance(bytes, Math.max(32, Math.min(expectedSize, 4096)));
    }

    public ProtoWriter string(int field, String value) {
        try {
            out.writeString(field, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes {@code value} unless it is null or empty (proto3 omits empty strings). */
    public ProtoWriter optString(int field, String value) {
        return value == null || value.isEmpty() ? this : string(field, value);
    }

    public ProtoWriter doubleField(int field, double value) {
        try {
            out.writeDouble(field, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public ProtoWriter floatField(int field, float value) {
        try {
            out.writeFloat(field, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public ProtoWriter int64(int field, long value) {
        try {
            out.writeInt64(field, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public ProtoWriter int32(int field, int value) {
        try {
            out.writeInt32(field, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public ProtoWriter uint32(int field, int value) {
        try {
            out.writeUInt32(field, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public ProtoWriter enumField(int field, int number) {
        try {
            out.writeEnum(field, number);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public ProtoWriter bool(int field, boolean value) {
        try {
            out.writeBool(field, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A length-delimited field: raw bytes or an already encoded nested message. */
    public ProtoWriter bytes(int field, byte[] value) {
        try {
            out.writeByteArray(field, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A nested message. */
    public ProtoWriter message(int field, ProtoWriter nested) {
        return bytes(field, nested.toByteArray());
    }

    /** A packed {@code repeated double} field; nothing is written for an empty array. */
    public ProtoWriter packedDoubles(int field, double[] values) {
        if (values.length == 0) {
            return this;
        }
        try {
            out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(values.length * Double.BYTES);
            for (double v : values) {
                out.writeDoubleNoTag(v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The encoded message. */
    public byte[] toByteArray() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
