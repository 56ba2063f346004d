"""Vanishing gradients, measured: the gradient norm of each layer of a deep network.

An 8-hidden-layer sigmoid stack passes back less and less gradient to its
early layers (each sigmoid multiplies it by at most 0.25); relu and batch
normalisation keep it alive.  Prints the weight-gradient norm per layer,
averaged over the first training steps, for each variant.

    python examples/vanishing_gradients.py [--steps 20]
"""
import argparse

import numpy as np

from nnviz.core import Network, Trainer, datasets

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--steps", type=int, default=20)
args = parser.parse_args()

data = datasets.load("digits")
sizes = [784] + [32] * 8 + [10]
variants = {"sigmoid": dict(activation="sigmoid"), "relu": dict(activation="relu"),
            "sigmoid + batch norm": dict(activation="sigmoid", norm="batch")}
print("gradient norm per layer, input side first")
for name, kwargs in variants.items():
    trainer = Trainer(Network(sizes, seed=0, **kwargs), data, optimizer="sgd", lr=0.1, batch_size=64, seed=0)
    norms = np.mean([trainer.step().grad_norms for _ in range(args.steps)], axis=0)
    print(f"{name:>21}: " + " ".join(f"{n:8.1e}" for n in norms) + f"   first/last = {norms[0] / norms[-1]:.1e}")
