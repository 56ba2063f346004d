"""Lessons as data: each sets everything it needs and says what to watch.  Imports no Qt.

A :class:`Lesson` holds its ``title``, its ``text`` (two or three sentences on what to look at) and
``settings``: every value of the controls dock (data, network, training; the batch size is applied
after the data, so it is clamped to the training set), plus what the window should show: the loss
surface's mode (``surface``: "plane" this network's PCA plane, "neuron" the single neuron's exact
surface, "zhou" Zhou's two weights, "race" the optimiser race), the pane to raise (``pane``: a dock
name such as "layers", or "" to leave the panes as they are) and whether the drawing pad is
relevant (``pad``: digit data only).

A new lesson is a new entry in :data:`LESSONS`; nothing else needs to change.
"""
from __future__ import annotations

from dataclasses import dataclass, field

#: The settings every lesson starts from (the controls dock's defaults).
DEFAULTS = {"noise": 0.1, "output": "auto", "norm": "none", "seed": 0, "momentum": 0.9, "beta1": 0.9,
            "beta2": 0.999, "alpha": 0.99, "weight_decay": 0.0}
#: Settings that say what to show rather than what to train.
VIEW_KEYS = ("surface", "pane", "pad")
SURFACE_MODES = ("plane", "neuron", "zhou", "race")
PANES = ("", "network", "surface", "curves", "layers", "formulas", "pad")


@dataclass(frozen=True)
class Lesson:
    """One lesson: ``title``, ``text`` and ``settings`` (controls values, ``surface``, ``pane``, ``pad``)."""

    title: str
    text: str
    settings: dict = field(default_factory=dict)

    @property
    def values(self) -> dict:
        """The controls dock's values only (data, network, training)."""
        return {k: v for k, v in self.settings.items() if k not in VIEW_KEYS}

    @property
    def surface(self) -> str:
        return self.settings["surface"]

    @property
    def pane(self) -> str:
        return self.settings["pane"]

    @property
    def pad(self) -> bool:
        return self.settings["pad"]


def _lesson(title, text, surface="plane", pane="", **values) -> Lesson:
    if surface not in SURFACE_MODES or pane not in PANES:
        raise ValueError(f"lesson {title!r}: unknown surface mode {surface!r} or pane {pane!r}")
    return Lesson(title, text, {**DEFAULTS, **values, "surface": surface, "pane": pane,
                                "pad": values["dataset"] == "digits"})


LESSONS: list[Lesson] = [
    _lesson("3Blue1Brown: 784-16-16-10 on digits",
            "The network from 3Blue1Brown's videos, from fresh random weights: 784 pixels in, two hidden layers of "
            "16 sigmoid neurons, 10 digits out. Press Play and watch the test accuracy pass 90% within a few "
            "epochs; click a first-layer neuron to see the pattern of pixels it learns to look for.",
            dataset="digits", hidden="16,16", activation="sigmoid", loss="cross_entropy", optimizer="adam",
            lr=3e-3, batch_size=32, pane="curves"),
    _lesson("Victor Zhou: sex from height and weight (2-2-1)",
            "Victor Zhou's first network: two inputs (weight - 135 lb, height - 66 in), two sigmoid hidden "
            "neurons, one output (1 = female), mean squared error and plain SGD on his four people, one at a time. "
            "Step through it: each update moves every weight by -learning rate x its gradient.",
            dataset="zhou", hidden="2", activation="sigmoid", loss="mse", output="sigmoid", optimizer="sgd",
            lr=0.1, batch_size=1, surface="zhou"),
    _lesson("One neuron: y = w x + b",
            "The smallest network: one neuron with no activation, fitting a line to points - linear "
            "regression. It has just two parameters, w and b, so the Loss surface pane (mode: Single neuron) "
            "shows the true loss over every (w, b) and the ball rolling to the best line.",
            dataset="line", hidden="", activation="sigmoid", loss="mse", output="linear", optimizer="sgd",
            lr=0.05, batch_size=40, surface="neuron", pane="surface"),
    _lesson("Playground: spiral",
            "TensorFlow Playground's hardest puzzle: two interleaved spirals. A straight line cannot separate "
            "them, so the hidden layers must bend the plane. Try fewer neurons, or relu instead of tanh.",
            dataset="spiral", noise=0.1, hidden="16,16,8", activation="tanh", loss="cross_entropy",
            optimizer="adam", lr=0.01, batch_size=16),
    _lesson("Playground: circle",
            "One class inside a ring of the other. A single hidden layer of a few neurons is enough: each draws "
            "one straight boundary, and together they enclose the disc.",
            dataset="circle", hidden="4", activation="tanh", loss="cross_entropy", optimizer="adam", lr=0.03,
            batch_size=16),
    _lesson("Playground: xor",
            "The exclusive-or pattern that a single neuron famously cannot learn (Minsky and Papert, 1969): "
            "opposite quadrants belong together. Two hidden neurons can.",
            dataset="xor", hidden="4", activation="tanh", loss="cross_entropy", optimizer="adam", lr=0.03,
            batch_size=16),
    _lesson("Vanishing gradients: 8 sigmoid layers",
            "Eight hidden sigmoid layers. Each sigmoid passes back at most a quarter of the gradient, so the "
            "layers near the input barely learn: see the gradient norms per layer in the Layers pane, and how "
            "slowly the loss falls. Compare with the relu and batch norm presets.",
            dataset="digits", hidden="32,32,32,32,32,32,32,32", activation="sigmoid", loss="cross_entropy",
            optimizer="sgd", lr=0.1, batch_size=64, pane="layers"),
    _lesson("Vanishing gradients: the same with relu",
            "The same eight layers with relu, whose slope is 1 wherever it is active: the gradient reaches the "
            "first layers undiminished and the network learns.",
            dataset="digits", hidden="32,32,32,32,32,32,32,32", activation="relu", loss="cross_entropy",
            optimizer="sgd", lr=0.1, batch_size=64, pane="layers"),
    _lesson("Vanishing gradients: sigmoid with batch norm",
            "The eight sigmoid layers again, with batch normalisation before each activation: it keeps every "
            "layer's weighted sums centred where the sigmoid is steep, so gradients survive the trip back.",
            dataset="digits", hidden="32,32,32,32,32,32,32,32", activation="sigmoid", norm="batch",
            loss="cross_entropy", optimizer="sgd", lr=0.1, batch_size=64, pane="layers"),
    _lesson("Learning rate too high",
            "Plain gradient descent with a learning rate of 50 on a small regression-style network: every step "
            "overshoots the valley further than the last, the loss explodes and becomes infinite within a few "
            "steps. nnviz stops at the first non-finite step and offers to lower the learning rate.",
            dataset="xor", hidden="8", activation="relu", loss="mse", output="linear", optimizer="sgd", lr=50.0,
            batch_size=16, pane="curves"),
]


def find_lesson(which: int | str) -> Lesson:
    """The lesson at index ``which``, or the first whose title starts with it (case-insensitive);
    ValueError names the lessons."""
    if isinstance(which, int):
        if not 0 <= which < len(LESSONS):
            raise ValueError(f"there are {len(LESSONS)} lessons (0 to {len(LESSONS) - 1}), not {which}")
        return LESSONS[which]
    for lesson in LESSONS:
        if lesson.title.lower().startswith(str(which).lower()):
            return lesson
    titles = "; ".join(lesson.title for lesson in LESSONS)
    raise ValueError(f"no lesson starts with {which!r}; the lessons are: {titles}")
