package org.scale4j.tensorboard.internal;

import com.google.protobuf.ListValue;
import com.google.protobuf.Value;
import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Encodes the hparams plugin's {@code HParamsPluginData} contents
 * ({@code tensorboard/plugins/hparams/plugin_data.proto} and {@code api.proto}).
 *
 * <p>Field numbers: HParamsPluginData {@code version=1 experiment=2 session_start_info=3
 * session_end_info=4}; Experiment {@code description=1 time_created_secs=3 hparam_infos=4
 * metric_infos=5}; HParamInfo {@code name=1 type=4 domain_discrete=5}; MetricInfo
 * {@code name=1 {group=1 tag=2}}; SessionStartInfo {@code hparams=1 (map entry key=1 value=2)
 * group_name=4 start_time_secs=5}; SessionEndInfo {@code status=1 end_time_secs=2}. The version is
 * 0 and therefore not on the wire.
 *
 * <p>Values map to {@code google.protobuf.Value} (from protobuf-java): numbers to
 * {@code number_value} (type FLOAT64), booleans to {@code bool_value} (type BOOL, with the complete
 * domain {@code [false, true]}), everything else to {@code string_value} of its
 * {@code toString()} (type STRING; {@code null} becomes {@code "null"}). String and number
 * hparams get no domain: TensorBoard takes the experiment of one run, and a domain listing only
 * that run's value would filter every other run out of the table.
 */
public final class Hparams {

    public static final String PLUGIN_NAME = "hparams";
    public static final String EXPERIMENT_TAG = "_hparams_/experiment";
    public static final String SESSION_START_TAG = "_hparams_/session_start_info";
    public static final String SESSION_END_TAG = "_hparams_/session_end_info";

    private static final int TYPE_STRING = 1;
    private static final int TYPE_BOOL = 2;
    private static final int TYPE_FLOAT64 = 3;

    private Hparams() {
    }

    /** The hparams sorted by name, each converted to a protobuf {@link Value}. */
    public static SortedMap<String, Value> toValues(Map<String, ?> hparams) {
        SortedMap<String, Value> values = new TreeMap<>();
        hparams.forEach((name, v) -> values.put(name, toValue(v)));
        return values;
    }

    private static Value toValue(Object v) {
        if (v instanceof Number n) {
            return Value.newBuilder().setNumberValue(n.doubleValue()).build();
        }
        if (v instanceof Boolean b) {
            return Value.newBuilder().setBoolValue(b).build();
        }
        return Value.newBuilder().setStringValue(String.valueOf(v)).build();
    }

    /** {@code HParamsPluginData{experiment}} naming every hparam and the given metric tags. */
    public static byte[] experiment(SortedMap<String, Value> hparams, Collection<String> metricTags,
            double timeCreatedSecs, String description) {
        ProtoWriter experiment = new ProtoWriter(256).optString(1, description).doubleField(3, timeCreatedSecs);
        hparams.forEach((name, value) -> experiment.message(4, hparamInfo(name, value)));
        for (String tag : metricTags) {
            experiment.message(5, new ProtoWriter(tag.length() + 8).message(1, new ProtoWriter(tag.length() + 4).string(2, tag)));
        }
        return new ProtoWriter(256).message(2, experiment).toByteArray();
    }

    private static ProtoWriter hparamInfo(String name, Value value) {
        ProtoWriter info = new ProtoWriter(name.length() + 16).string(1, name);
        switch (value.getKindCase()) {
            case NUMBER_VALUE -> info.enumField(4, TYPE_FLOAT64);
            case BOOL_VALUE -> {
                info.enumField(4, TYPE_BOOL);
                ListValue domain = ListValue.newBuilder()
                        .addValues(Value.newBuilder().setBoolValue(false))
                        .addValues(Value.newBuilder().setBoolValue(true)).build();
                info.bytes(5, domain.toByteArray());
            }
            default -> info.enumField(4, TYPE_STRING);
        }
        return info;
    }

    /** {@code HParamsPluginData{session_start_info}} with every hparam value. */
    public static byte[] sessionStart(SortedMap<String, Value> hparams, double startTimeSecs) {
        ProtoWriter start = new ProtoWriter(256);
        hparams.forEach((name, value) -> start.message(1,
                new ProtoWriter(name.length() + 16).string(1, name).bytes(2, value.toByteArray())));
        start.doubleField(5, startTimeSecs);
        return new ProtoWriter(256).message(3, start).toByteArray();
    }

    /** {@code HParamsPluginData{session_end_info}}. */
    public static byte[] sessionEnd(int status, double endTimeSecs) {
        ProtoWriter end = new ProtoWriter(16).enumField(1, status).doubleField(2, endTimeSecs);
        return new ProtoWriter(24).message(4, end).toByteArray();
    }
}
