"""An optimiser race: SGD, momentum, RMSProp and Adam from one start on each analytic surface.

Prints, for every landscape (bowl, ravine, saddle, minima, plateau), where each
optimiser's ball is and how high its loss is after the given number of steps.
The same race runs live in the window's Loss surface pane (mode: Optimiser race).

    python examples/optimizer_race.py [--steps 100]
"""
import argparse

from nnviz.core.surface import SURFACES, Race

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--steps", type=int, default=100)
args = parser.parse_args()

for name, surface in SURFACES.items():
    race = Race(surface)
    for _ in range(args.steps):
        race.step()
    print(f"{name} (start {surface.start}), after {args.steps} steps:")
    for label, w, loss in sorted(zip(race.labels, race.positions, race.losses()), key=lambda r: r[2]):
        print(f"  {label:>9}: loss {loss:8.4f} at ({w[0]:+.3f}, {w[1]:+.3f})")
