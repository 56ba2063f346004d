"""The 3Blue1Brown network: 784-16-16-10 sigmoid on real handwritten digits.

Trains it on the bundled MNIST digits with mini-batch Adam, then prints its
test accuracy and the digits it confuses most.

    python examples/three_blue_one_brown.py [--epochs 10]
"""
import argparse
import time

import numpy as np

from nnviz.core import Network, Trainer, datasets

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--epochs", type=float, default=10)
args = parser.parse_args()

data = datasets.load("digits")
net = Network([784, 16, 16, 10], activation="sigmoid", loss="cross_entropy", seed=0)
print(f"{net.n_params:,} parameters; {len(data.X_train):,} training and {len(data.X_test):,} test digits")
trainer = Trainer(net, data, optimizer="adam", lr=3e-3, batch_size=32, seed=0)
start = time.perf_counter()
steps = int(args.epochs * len(data.X_train) / trainer.batch_size)
for step in range(1, steps + 1):
    state = trainer.step()
    if step % 500 == 0 or step == steps:
        ev = trainer.evaluate()
        print(f"step {step:6,}  epoch {state.epoch:5.2f}  test accuracy {ev.accuracy:.1%}  test loss {ev.loss:.3f}")
print(f"trained in {time.perf_counter() - start:.1f} s")

predicted = net.predict(data.X_test)
confusion = np.zeros((10, 10), int)
np.add.at(confusion, (data.labels_test, predicted), 1)
np.fill_diagonal(confusion, 0)
worst = np.dstack(np.unravel_index(np.argsort(confusion, axis=None)[::-1][:3], confusion.shape))[0]
for true, guess in worst:
    print(f"a {true} taken for a {guess}: {confusion[true, guess]} times")
