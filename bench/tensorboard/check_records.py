#!/usr/bin/python3
"""Independent check of event files (manual verification, not a test).

Uses Debian's python3 + python3-crcmod only: walks the TFRecord framing of every file given,
checks both masked CRC-32Cs of each record, and prints each event's step, wall time and summary
tags (with simple_value scalars) from a minimal protobuf wire-format parse written from the
public field numbers.

    /usr/bin/python3 bench/tensorboard/check_records.py runs/quickstart/v0/events.out.tfevents.*
"""
import struct
import sys

import crcmod.predefined

crc32c = crcmod.predefined.mkCrcFun("crc-32c")


def masked(data):
    c = crc32c(data)
    return (((c >> 15) | (c << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def varint(b, i):
    shift = value = 0
    while True:
        byte = b[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, i


def fields(b):
    i = 0
    while i < len(b):
        key, i = varint(b, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, i = varint(b, i)
        elif wire == 1:
            value, i = b[i:i + 8], i + 8
        elif wire == 5:
            value, i = b[i:i + 4], i + 4
        elif wire == 2:
            n, i = varint(b, i)
            value, i = b[i:i + n], i + n
        else:
            raise ValueError("wire type %d" % wire)
        yield number, wire, value


def describe(event):
    step, wall, parts = 0, 0.0, []
    for number, wire, value in fields(event):
        if number == 1:
            wall = struct.unpack("<d", value)[0]
        elif number == 2:
            step = value
        elif number == 3:
            parts.append("file_version=" + value.decode())
        elif number == 5:
            for _, _, v in fields(value):
                tag, scalar = "", None
                for n, _, x in fields(v):
                    if n == 1:
                        tag = x.decode()
                    elif n == 2:
                        scalar = struct.unpack("<f", x)[0]
                parts.append(tag if scalar is None else "%s=%g" % (tag, scalar))
    return "step %d wall %.3f %s" % (step, wall, ", ".join(parts))


def check(path, verbose):
    data = open(path, "rb").read()
    offset, records, bad = 0, 0, 0
    while offset < len(data):
        if len(data) - offset < 12:
            print("%s: truncated header at %d" % (path, offset))
            return 1
        length = struct.unpack("<Q", data[offset:offset + 8])[0]
        if masked(data[offset:offset + 8]) != struct.unpack("<I", data[offset + 8:offset + 12])[0]:
            print("%s: length CRC mismatch at %d" % (path, offset))
            return 1
        end = offset + 12 + length + 4
        if end > len(data):
            print("%s: truncated record at %d" % (path, offset))
            return 1
        payload = data[offset + 12:offset + 12 + length]
        if masked(payload) != struct.unpack("<I", data[end - 4:end])[0]:
            print("%s: data CRC mismatch at %d" % (path, offset))
            bad += 1
        elif verbose:
            print("  @%d %s" % (offset, describe(payload)))
        records += 1
        offset = end
    print("%s: %d records, %d bad CRCs" % (path, records, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    verbose = "-v" in sys.argv
    sys.exit(max([check(p, verbose) for p in sys.argv[1:] if p != "-v"] or [0]))
