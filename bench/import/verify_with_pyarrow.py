#!/usr/bin/env python3
"""Cross-checks an import with pyarrow and numpy: every value of OUT_DIR equals its source in SRC_DIR.

usage: verify_with_pyarrow.py SRC_DIR OUT_DIR      (SRC_DIR as written by make_fixture.py)

Boxes are recomputed the way the authors' loader does it on float32 numpy arrays; a float16 import
is compared with the source rounded by numpy's astype(float16), bit for bit.
"""
import base64
import json
import os
import sys

import numpy as np
import pyarrow as pa
import pyarrow.ipc as ipc


def rows_of(batch, name):
    """Per row: the [n, dim] float32 matrix of a list<fixed_size_list<float>[dim]> column, or None."""
    col = batch.column(name)
    offsets = col.offsets.to_numpy()
    dim = col.type.value_type.list_size
    flat = col.values.values.to_numpy(zero_copy_only=False).astype(np.float32)
    valid = col.is_valid().to_numpy(zero_copy_only=False)
    return [flat[offsets[i] * dim:offsets[i + 1] * dim].reshape(-1, dim) if valid[i] else None
            for i in range(len(col))]


def main():
    src, out = sys.argv[1], sys.argv[2]
    captions = json.load(open(os.path.join(src, "captions.json"), encoding="utf-8"))
    lines = {}
    for name in sorted(os.listdir(src)):
        if name.endswith(".tsv"):
            for line in open(os.path.join(src, name), encoding="utf-8"):
                cols = line.rstrip("\n").split("\t")
                lines[cols[0]] = cols
    manifest = json.load(open(os.path.join(out, "manifest.json"), encoding="utf-8"))
    seen = 0
    for files in manifest["splits"].values():
        for f in files:
            reader = ipc.open_file(os.path.join(out, f))
            half = reader.schema.field("image_feats").type.value_type.value_type == pa.float16()
            for b in range(reader.num_record_batches):
                batch = reader.get_batch(b)
                meta = batch.select(["id", "title", "table", "category_name"]).to_pylist()
                cols = {n: rows_of(batch, n) for n in ("image_feats", "image_boxes", "video_feats", "audio_feats")}
                for i, row in enumerate(meta):
                    check(row, {n: c[i] for n, c in cols.items()}, src, captions, lines, half)
                    seen += 1
    assert seen == len(captions), (seen, len(captions))
    print("pyarrow %s: %d rows equal their sources (float16=%s)" % (pa.__version__, seen, half))


def same(name, got, want, half):
    if half:
        want = want.astype(np.float16).astype(np.float32)
    assert got is not None and np.array_equal(got, want.reshape(got.shape)), name


def check(row, feats, src, captions, lines, half):
    pid = row["id"]
    cap = captions[pid]
    assert row["title"] == cap["title"], pid
    assert row["table"] == [{"key": k, "value": v} for k, v in (i.split("#:#", 1) for i in cap["pv"].split("#;#"))]
    assert row["category_name"] == cap["label"], pid
    if pid in lines:
        _, w, h, n, boxes, features, _ = lines[pid]
        w, h, n = int(w), int(h), int(n)
        f = np.frombuffer(base64.b64decode(features), dtype=np.float32).reshape(n, 2048)
        loc = np.zeros((n, 5), dtype=np.float32)
        loc[:, :4] = np.frombuffer(base64.b64decode(boxes), dtype=np.float32).reshape(n, 4)
        loc[:, 4] = (loc[:, 3] - loc[:, 1]) * (loc[:, 2] - loc[:, 0]) / (float(w) * float(h))
        loc[:, 0] = loc[:, 0] / float(w)
        loc[:, 1] = loc[:, 1] / float(h)
        loc[:, 2] = loc[:, 2] / float(w)
        loc[:, 3] = loc[:, 3] / float(h)
        same(pid + " image", feats["image_feats"], f, half)
        same(pid + " boxes", feats["image_boxes"], loc, False)
    else:
        assert feats["image_feats"] is None and feats["image_boxes"] is None, pid
    for col, sub in (("video_feats", "video"), ("audio_feats", "audio")):
        path = os.path.join(src, sub, pid + ".npy")
        if os.path.exists(path):
            same(pid + " " + sub, feats[col], np.load(path).astype(np.float32), half)
        else:
            assert feats[col] is None, pid + " " + col


if __name__ == "__main__":
    main()
