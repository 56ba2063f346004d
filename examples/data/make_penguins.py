"""Make penguins_synthetic.csv: 300 made-up penguins of three made-up kinds (synthetic, not real data).

    python examples/data/make_penguins.py      # writes examples/data/penguins_synthetic.csv

Each kind is a Gaussian cloud in four measurements whose means only resemble those of real
penguin species; the island column is text (nnviz leaves it out of the inputs), the last column,
the kind, is the target.
"""
import csv
from pathlib import Path

import numpy as np

KINDS = {  # kind: (bill length mm, bill depth mm, flipper length mm, body mass g), their spread, islands
    "rockhopper": ((39.0, 18.5, 190.0, 3700.0), (2.5, 1.2, 6.5, 450.0), ("North", "East")),
    "chinstrap": ((48.5, 18.4, 196.0, 3730.0), (3.2, 1.1, 7.0, 380.0), ("West",)),
    "emperor": ((47.5, 15.0, 217.0, 5080.0), (3.0, 1.0, 6.5, 500.0), ("North", "South")),
}


def main() -> None:
    rng = np.random.default_rng(7)
    rows = []
    for kind, (mean, spread, islands) in KINDS.items():
        values = rng.normal(mean, spread, (100, 4))
        for v in values:
            rows.append([f"{v[0]:.1f}", f"{v[1]:.1f}", f"{v[2]:.0f}", f"{v[3]:.0f}", rng.choice(islands), kind])
    rows = [rows[i] for i in rng.permutation(len(rows))]
    path = Path(__file__).with_name("penguins_synthetic.csv")
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "island", "kind"])
        writer.writerows(rows)
    print(f"wrote {path} ({len(rows)} rows)")


if __name__ == "__main__":
    main()
