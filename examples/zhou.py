"""Victor Zhou's "Machine Learning for Beginners: An Introduction to Neural Networks", in nnviz.

Prints the tutorial's numbers (a neuron with w = [0, 1], b = 4 on x = [2, 3]
gives 0.999; the 2-2-1 network with every neuron w = [0, 1], b = 0 gives
h = 0.9526, o = 0.7216; with every weight 1 on Alice, h1 = 0.0474,
o1 = 0.524 and dL/dw1 = 0.0214), then trains the network on his four people
and predicts Emily (-7, -3) and Frank (20, 2).

    python examples/zhou.py [--epochs 1000]
"""
import argparse

import numpy as np

from nnviz.core import Network, Trainer, datasets

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--epochs", type=int, default=1000)
args = parser.parse_args()

neuron = Network([2, 1], loss="mse", output="sigmoid", dtype=np.float64)
neuron.weights[0][:] = [0.0, 1.0]
neuron.biases[0][:] = 4.0
print(f"one neuron, w = [0, 1], b = 4, x = [2, 3]:  y = {neuron.forward(np.array([[2.0, 3.0]]))[0, 0]:.3f}")

net = Network([2, 2, 1], activation="sigmoid", loss="mse", dtype=np.float64)
for W in net.weights:
    W[:] = [0.0, 1.0]
net.biases[0][:] = net.biases[1][:] = 0.0
o = net.forward(np.array([[2.0, 3.0]]))[0, 0]
print(f"w = [0, 1], b = 0, x = [2, 3]:  h1 = h2 = {net.activations[1][0, 0]:.4f}   o1 = {o:.4f}")

for W in net.weights:
    W[:] = 1.0
alice = np.array([[-2.0, -1.0]])  # 133 lb, 65 in
loss, dW, dB = net.backward(alice, np.array([[1.0]]))  # Alice is female: y = 1
print(f"all weights 1 on Alice:          h1 = {net.activations[1][0, 0]:.4f}   o1 = {net.activations[2][0, 0]:.3f}"
      f"   dL/dw1 = {dW[0][0, 0]:.5f} (Zhou writes 0.0214)")

data = datasets.load("zhou")
net = Network([2, 2, 1], activation="sigmoid", loss="mse", dtype=np.float64, seed=0)
trainer = Trainer(net, data, optimizer="sgd", lr=0.1, batch_size=1, seed=0)
for step in range(args.epochs * len(data.X_train)):
    state = trainer.step()
    if step % (100 * len(data.X_train)) == 0:
        print(f"epoch {int(state.epoch):4d}  loss {net.loss_value(data.X_train, data.Y_train):.4f}")
print(f"after {args.epochs} epochs: loss {net.loss_value(data.X_train, data.Y_train):.4f}")
for name, weight, height in (("Emily", 128, 63), ("Frank", 155, 68)):
    p = net.forward(np.array([[weight - 135.0, height - 66.0]]))[0, 0]
    print(f"{name} ({weight - 135:+d}, {height - 66:+d}): {p:.3f} -> {'female' if p > 0.5 else 'male'}")
