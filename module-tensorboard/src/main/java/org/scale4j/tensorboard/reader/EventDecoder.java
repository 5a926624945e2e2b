package org.scale4j.tensorboard.reader;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the parts of {@code Event} / {@code Summary.Value} / {@code TensorProto} that
 * {@link TfValue} keeps, with protobuf-java's {@link CodedInputStream}; unknown fields are skipped.
 *
 * <p>Field numbers: Event {@code wall_time=1 step=2 file_version=3 summary=5}; Summary
 * {@code value=1}; Value {@code tag=1 simple_value=2 image=4 histo=5 audio=6 tensor=8 metadata=9};
 * TensorProto {@code dtype=1 tensor_shape=2 tensor_content=4 float_val=5 double_val=6 int_val=7
 * string_val=8 int64_val=10}.
 */
final class EventDecoder {

    private static final int DT_FLOAT = 1;
    private static final int DT_DOUBLE = 2;
    private static final int DT_INT32 = 3;
    private static final int DT_STRING = 7;
    private static final int DT_INT64 = 9;

    private EventDecoder() {
    }

    static TfEvent decode(byte[] data, long offset) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(data);
        double wallTime = 0;
        long step = 0;
        String fileVersion = null;
        List<TfValue> values = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (tag) {
                case (1 << 3) | WireFormat.WIRETYPE_FIXED64 -> wallTime = in.readDouble();
                case (2 << 3) | WireFormat.WIRETYPE_VARINT -> step = in.readInt64();
                case (3 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> fileVersion = in.readString();
                case (5 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> readSummary(in.readByteArray(), values);
                default -> in.skipField(tag);
            }
        }
        return new TfEvent(offset, wallTime, step, fileVersion, values);
    }

    private static void readSummary(byte[] summary, List<TfValue> values) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(summary);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == ((1 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                values.add(readValue(in.readByteArray()));
            } else {
                in.skipField(tag);
            }
        }
    }

    private static TfValue readValue(byte[] value) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(value);
        String tagName = "";
        String plugin = "";
        byte[] content = new byte[0];
        TfValue.Kind kind = TfValue.Kind.METADATA_ONLY;
        double scalar = Double.NaN;
        String text = null;
        Tensor tensor = null;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> tagName = in.readString();
                case 2 -> {
                    kind = TfValue.Kind.SCALAR;
                    scalar = in.readFloat();
                }
                case 4 -> {
                    kind = TfValue.Kind.IMAGE;
                    in.skipField(tag);
                }
                case 5 -> {
                    kind = TfValue.Kind.HISTOGRAM;
                    in.skipField(tag);
                }
                case 6 -> {
                    kind = TfValue.Kind.AUDIO;
                    in.skipField(tag);
                }
                case 8 -> tensor = Tensor.read(in.readByteArray());
                case 9 -> {
                    CodedInputStream meta = CodedInputStream.newInstance(in.readByteArray());
                    for (int m = meta.readTag(); m != 0; m = meta.readTag()) {
                        if (WireFormat.getTagFieldNumber(m) == 1) {
                            CodedInputStream pd = CodedInputStream.newInstance(meta.readByteArray());
                            for (int p = pd.readTag(); p != 0; p = pd.readTag()) {
                                switch (WireFormat.getTagFieldNumber(p)) {
                                    case 1 -> plugin = pd.readString();
                                    case 2 -> content = pd.readByteArray();
                                    default -> pd.skipField(p);
                                }
                            }
                        } else {
                            meta.skipField(m);
                        }
                    }
                }
                default -> in.skipField(tag);
            }
        }
        if (tensor != null) {
            if (tensor.dtype == DT_STRING) {
                kind = TfValue.Kind.TEXT;
                text = tensor.firstString;
            } else if (tensor.rank == 0 && tensor.hasNumber) {
                kind = TfValue.Kind.SCALAR;
                scalar = tensor.firstNumber;
            } else {
                kind = TfValue.Kind.TENSOR;
            }
        }
        return new TfValue(tagName, kind, plugin, scalar, text, content);
    }

    /** The parts of a TensorProto needed to recognise scalars and text. */
    private static final class Tensor {
        int dtype;
        int rank;
        boolean hasNumber;
        double firstNumber = Double.NaN;
        String firstString;

        static Tensor read(byte[] bytes) throws IOException {
            Tensor t = new Tensor();
            byte[] content = null;
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                int field = WireFormat.getTagFieldNumber(tag);
                int wire = WireFormat.getTagWireType(tag);
                switch (field) {
                    case 1 -> t.dtype = in.readEnum();
                    case 2 -> t.rank = rank(in.readByteArray());
                    case 4 -> content = in.readByteArray();
                    case 5 -> t.number(wire == WireFormat.WIRETYPE_LENGTH_DELIMITED
                            ? firstPacked(in, CodedInputStream::readFloat) : in.readFloat());
                    case 6 -> t.number(wire == WireFormat.WIRETYPE_LENGTH_DELIMITED
                            ? firstPacked(in, CodedInputStream::readDouble) : in.readDouble());
                    case 7 -> t.number(wire == WireFormat.WIRETYPE_LENGTH_DELIMITED
                            ? firstPacked(in, CodedInputStream::readInt32) : in.readInt32());
                    case 10 -> t.number(wire == WireFormat.WIRETYPE_LENGTH_DELIMITED
                            ? firstPacked(in, CodedInputStream::readInt64) : in.readInt64());
                    case 8 -> {
                        byte[] s = in.readByteArray();
                        if (t.firstString == null) {
                            t.firstString = new String(s, StandardCharsets.UTF_8);
                        }
                    }
                    default -> in.skipField(tag);
                }
            }
            if (content != null && !t.hasNumber) {
                ByteBuffer le = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
                switch (t.dtype) {
                    case DT_FLOAT -> t.numberIf(content.length >= 4, () -> le.getFloat(0));
                    case DT_DOUBLE -> t.numberIf(content.length >= 8, () -> le.getDouble(0));
                    case DT_INT32 -> t.numberIf(content.length >= 4, () -> le.getInt(0));
                    case DT_INT64 -> t.numberIf(content.length >= 8, () -> le.getLong(0));
                    default -> { }
                }
            }
            return t;
        }

        private void number(double v) {
            if (!hasNumber) {
                hasNumber = true;
                firstNumber = v;
            }
        }

        private void numberIf(boolean present, java.util.function.DoubleSupplier v) {
            if (present) {
                number(v.getAsDouble());
            }
        }

        private static int rank(byte[] shape) throws IOException {
            CodedInputStream in = CodedInputStream.newInstance(shape);
            int dims = 0;
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (WireFormat.getTagFieldNumber(tag) == 2) {
                    dims++;
                }
                in.skipField(tag);
            }
            return dims;
        }

        private interface NumberReader {
            double read(CodedInputStream in) throws IOException;
        }

        private static double firstPacked(CodedInputStream in, NumberReader reader) throws IOException {
            int limit = in.pushLimit(in.readRawVarint32());
            double first = Double.NaN;
            boolean seen = false;
            while (in.getBytesUntilLimit() > 0) {
                double v = reader.read(in);
                if (!seen) {
                    first = v;
                    seen = true;
                }
            }
            in.popLimit(limit);
            return first;
        }
    }
}
