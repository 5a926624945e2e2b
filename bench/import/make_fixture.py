#!/usr/bin/env python3
"""Writes a synthetic M5Product in the authors' formats (spec 1.5), with numpy as the authors did.

usage: make_fixture.py OUT_DIR ITEMS TSV_FILES

OUT_DIR/feats_{i}.tsv   image_id, image_w, image_h, num_boxes, base64 f32 [36,4] boxes, base64 f32 [36,2048], title
OUT_DIR/captions.json   {id: {"title", "pv": "k#:#v#;#...", "label"}}  (5% of products have no TSV line)
OUT_DIR/video/{id}.npy  float16 [12,1024]  (10% missing)
OUT_DIR/audio/{id}.npy  float32 [80,751]   (10% missing)
"""
import base64
import json
import os
import sys

import numpy as np


def main():
    out, items, files = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    os.makedirs(os.path.join(out, "video"), exist_ok=True)
    os.makedirs(os.path.join(out, "audio"), exist_ok=True)
    rng = np.random.default_rng(42)
    labels = ["女装", "数码", "家居", "美妆", "食品", "运动"]
    captions = {}
    tsvs = [open(os.path.join(out, "feats_%d.tsv" % i), "w", encoding="utf-8") for i in range(files)]
    for n in range(items):
        pid = str(500000 + n)
        title = "商品%d 红色连衣裙 夏季新款" % n
        captions[pid] = {"title": title, "pv": "颜色#:#红色#;#尺码#:#M#;#材质#:#棉",
                         "label": labels[n % len(labels)]}
        if n % 20 != 19:  # 5% caption-only
            w, h = 800, 600
            x1 = rng.uniform(0, w / 2, 36).astype(np.float32)
            y1 = rng.uniform(0, h / 2, 36).astype(np.float32)
            boxes = np.stack([x1, y1, x1 + 100, y1 + 80], axis=1).astype(np.float32)
            feats = rng.standard_normal((36, 2048), dtype=np.float32)
            tsvs[n % files].write("\t".join([pid, str(w), str(h), "36",
                                             base64.b64encode(boxes.tobytes()).decode("ascii"),
                                             base64.b64encode(feats.tobytes()).decode("ascii"), title]) + "\n")
        if n % 10 != 3:
            np.save(os.path.join(out, "video", pid + ".npy"),
                    rng.standard_normal((12, 1024), dtype=np.float32).astype(np.float16))
        if n % 10 != 7:
            np.save(os.path.join(out, "audio", pid + ".npy"), rng.standard_normal((80, 751), dtype=np.float32))
    for f in tsvs:
        f.close()
    with open(os.path.join(out, "captions.json"), "w", encoding="utf-8") as f:
        json.dump(captions, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
