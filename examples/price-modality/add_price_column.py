"""Adds the example's `price` column to a scale4j Arrow dataset (e.g. the synthetic tiny one).

    ./scale4j synth --preset tiny --out data/synthetic-tiny-price --seed 7
    python3 examples/price-modality/add_price_column.py data/synthetic-tiny-price

`price` is fixed_size_list<float32>[4]: price, monthly sales, rating, review count. The numbers
follow the product's coarse `category` (so they are learnable from the other modalities) with
noise, and are null for about 10% of the products (the modality is then missing). Each shard is
rewritten in place through a temporary file; manifest.json needs no change (it lists shards, and
dims of feature-row columns only). Needs pyarrow.
"""
import hashlib
import json
import os
import sys

import pyarrow as pa


def unit(product_id: str, k: int) -> float:
    digest = hashlib.sha256(f"{product_id}/{k}".encode()).digest()
    return (int.from_bytes(digest[:8], "little") >> 11) / 2**53   # 53 random bits, as the Java test


def price_of(product_id, category):
    if category is None or unit(product_id, 0) < 0.1:
        return None
    c = category
    price = 10.0 * 2.0 ** c * (0.8 + 0.4 * unit(product_id, 1))
    sales = 500.0 / (1 + c) * (0.7 + 0.6 * unit(product_id, 2))
    rating = 3.0 + 0.3 * (c % 3) + 0.4 * unit(product_id, 3)
    reviews = sales * 0.1 * (1 + unit(product_id, 4))
    return [price, sales, rating, reviews]


def main(dataset):
    manifest = json.load(open(os.path.join(dataset, "manifest.json")))
    price_type = pa.list_(pa.float32(), 4)
    for shards in manifest["splits"].values():
        for shard in shards:
            path = os.path.join(dataset, shard)
            with pa.memory_map(path) as source:
                table = pa.ipc.open_file(source).read_all()
            ids, categories = table.column("id").to_pylist(), table.column("category").to_pylist()
            prices = pa.array([price_of(i, c) for i, c in zip(ids, categories)], type=price_type)
            table = table.append_column("price", prices)
            with pa.OSFile(path + ".tmp", "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
                writer.write_table(table, max_chunksize=1024)
            os.replace(path + ".tmp", path)


if __name__ == "__main__":
    main(sys.argv[1])
