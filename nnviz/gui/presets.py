"""One-click lessons: settings for the controls dock, and what to watch.

Each preset sets every data, network and training setting (the values are
those of :class:`nnviz.gui.controls.ControlsPanel`) and says in two or three
sentences what the learner should look at.
"""
from __future__ import annotations

_DEFAULTS = {"noise": 0.1, "output": "auto", "norm": "none", "seed": 0, "momentum": 0.9, "beta1": 0.9,
             "beta2": 0.999, "alpha": 0.99, "weight_decay": 0.0}


def _preset(title, text, **values):
    return {"title": title, "text": text, "values": {**_DEFAULTS, **values}}


PRESETS = [
    _preset("3Blue1Brown: 784-16-16-10 on digits",
            "The network from 3Blue1Brown's videos, from fresh random weights: 784 pixels in, two hidden layers of "
            "16 sigmoid neurons, 10 digits out. Press Play and watch the test accuracy pass 90% within a few "
            "epochs; click a first-layer neuron to see the pattern of pixels it learns to look for.",
            dataset="digits", hidden="16,16", activation="sigmoid", loss="cross_entropy", optimizer="adam",
            lr=3e-3, batch_size=32),
    _preset("Victor Zhou: sex from height and weight (2-2-1)",
            "Victor Zhou's first network: two inputs (weight - 135 lb, height - 66 in), two sigmoid hidden "
            "neurons, one output (1 = female), mean squared error and plain SGD on his four people, one at a time. "
            "Step through it: each update moves every weight by -learning rate x its gradient.",
            dataset="zhou", hidden="2", activation="sigmoid", loss="mse", output="sigmoid", optimizer="sgd",
            lr=0.1, batch_size=1),
    _preset("One neuron: y = w x + b",
            "The smallest network: one neuron with no activation, fitting a line to points - linear "
            "regression. It has just two parameters, w and b, so the Loss surface pane (mode: Single neuron) "
            "shows the true loss over every (w, b) and the ball rolling to the best line.",
            dataset="line", hidden="", activation="sigmoid", loss="mse", output="linear", optimizer="sgd",
            lr=0.05, batch_size=40),
    _preset("Playground: spiral",
            "TensorFlow Playground's hardest puzzle: two interleaved spirals. A straight line cannot separate "
            "them, so the hidden layers must bend the plane. Try fewer neurons, or relu instead of tanh.",
            dataset="spiral", noise=0.1, hidden="16,16,8", activation="tanh", loss="cross_entropy",
            optimizer="adam", lr=0.01, batch_size=16),
    _preset("Playground: circle",
            "One class inside a ring of the other. A single hidden layer of a few neurons is enough: each draws "
            "one straight boundary, and together they enclose the disc.",
            dataset="circle", hidden="4", activation="tanh", loss="cross_entropy", optimizer="adam", lr=0.03,
            batch_size=16),
    _preset("Playground: xor",
            "The exclusive-or pattern that a single neuron famously cannot learn (Minsky and Papert, 1969): "
            "opposite quadrants belong together. Two hidden neurons can.",
            dataset="xor", hidden="4", activation="tanh", loss="cross_entropy", optimizer="adam", lr=0.03,
            batch_size=16),
    _preset("Vanishing gradients: 8 sigmoid layers",
            "Eight hidden sigmoid layers. Each sigmoid passes back at most a quarter of the gradient, so the "
            "layers near the input barely learn: see the gradient norms per layer in the Layers pane, and how "
            "slowly the loss falls. Compare with the relu and batch norm presets.",
            dataset="digits", hidden="32,32,32,32,32,32,32,32", activation="sigmoid", loss="cross_entropy",
            optimizer="sgd", lr=0.1, batch_size=64),
    _preset("Vanishing gradients: the same with relu",
            "The same eight layers with relu, whose slope is 1 wherever it is active: the gradient reaches the "
            "first layers undiminished and the network learns.",
            dataset="digits", hidden="32,32,32,32,32,32,32,32", activation="relu", loss="cross_entropy",
            optimizer="sgd", lr=0.1, batch_size=64),
    _preset("Vanishing gradients: sigmoid with batch norm",
            "The eight sigmoid layers again, with batch normalisation before each activation: it keeps every "
            "layer's weighted sums centred where the sigmoid is steep, so gradients survive the trip back.",
            dataset="digits", hidden="32,32,32,32,32,32,32,32", activation="sigmoid", norm="batch",
            loss="cross_entropy", optimizer="sgd", lr=0.1, batch_size=64),
    _preset("Learning rate too high",
            "Plain gradient descent with a learning rate of 50 on a small regression-style network: every step "
            "overshoots the valley further than the last, the loss explodes and becomes infinite within a few "
            "steps. nnviz stops at the first non-finite step and offers to lower the learning rate.",
            dataset="xor", hidden="8", activation="relu", loss="mse", output="linear", optimizer="sgd", lr=50.0,
            batch_size=16),
]
