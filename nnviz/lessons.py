"""Lessons as data: each sets everything it needs and says what to watch.  Imports no Qt.

A :class:`Lesson` holds its ``title``, its ``text`` (two or three sentences on what to look at) and
``settings``: every value of the controls dock (data, network, training; the batch size is applied
after the data, so it is clamped to the training set), plus what the window should show: the loss
surface's mode (``surface``: "plane" this network's PCA plane, "neuron" the single neuron's exact
surface, "zhou" Zhou's two weights, "race" the optimiser race), the pane to raise (``pane``: a dock
name such as "layers", or "" to leave the panes as they are) and whether the drawing pad is
relevant (``pad``: digit data only).

A lesson may be *guided*: its ``steps`` are :class:`GuidedStep` s, each a question to answer
before acting (multiple choice), an action (``("step", n)`` updates, ``("until", n)`` play until
step n, ``("set", {key: value})`` change settings), the pane to look at and what to look for, and
the figure that settles the answer (``measure``, a name in ``nnviz.guided.MEASURES``).  Each
choice covers a range of that figure; ``expect`` is the choice the lesson claims will happen, and a
test runs every guided lesson without a window to check that it still does.

A new lesson is a new entry in :data:`LESSONS`; nothing else needs to change.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from nnviz.core.errors import QT_TRANSLATE_NOOP, ConfigError

#: The settings every lesson starts from (the controls dock's defaults).
DEFAULTS = {"noise": 0.1, "output": "auto", "norm": "none", "init": "auto", "seed": 0, "momentum": 0.9, "beta1": 0.9,
            "beta2": 0.999, "alpha": 0.99, "weight_decay": 0.0}
#: Settings that say what to show rather than what to train.
VIEW_KEYS = ("surface", "pane", "pad")
SURFACE_MODES = ("plane", "neuron", "zhou", "race")
PANES = ("", "network", "surface", "curves", "layers", "formulas", "pad")


@dataclass(frozen=True)
class Choice:
    """One answer to a guided question: right when the measured figure lies in [low, high)."""

    text: str
    low: float = -math.inf
    high: float = math.inf

    def holds(self, figure: float) -> bool:
        return self.low <= figure < self.high


@dataclass(frozen=True)
class GuidedStep:
    """One step of a guided lesson (see the module's docstring)."""

    question: str
    choices: tuple[Choice, ...]
    action: tuple
    measure: str
    look: str
    explain: str
    expect: int
    pane: str = ""

    def __post_init__(self):
        if self.action[0] not in ("step", "until", "set") or self.pane not in PANES:
            raise ValueError(f"guided step {self.question!r}: unknown action {self.action!r} or pane {self.pane!r}")
        if not 0 <= self.expect < len(self.choices):
            raise ValueError(f"guided step {self.question!r}: expect must index its choices")

    def answer(self, figure: float) -> int | None:
        """The index of the choice that ``figure`` makes right (None if none does)."""
        return next((i for i, c in enumerate(self.choices) if c.holds(figure)), None)


@dataclass(frozen=True)
class Lesson:
    """One lesson: ``title``, ``text``, ``settings`` (controls values, ``surface``, ``pane``, ``pad``)
    and, for a guided lesson, its ``steps``."""

    title: str
    text: str
    settings: dict = field(default_factory=dict)
    steps: tuple[GuidedStep, ...] = ()

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


def _lesson(title, text, surface="plane", pane="", steps=(), **values) -> Lesson:
    if surface not in SURFACE_MODES or pane not in PANES:
        raise ValueError(f"lesson {title!r}: unknown surface mode {surface!r} or pane {pane!r}")
    return Lesson(title, text, {**DEFAULTS, **values, "surface": surface, "pane": pane,
                                "pad": values["dataset"] == "digits"}, tuple(steps))


def _ask(question, choices, action, measure, look, explain, expect, pane="") -> GuidedStep:
    """A guided step; ``choices`` as (text, low, high) triples."""
    return GuidedStep(question, tuple(Choice(*c) for c in choices), action, measure, look, explain, expect, pane)


#: Answers about the test accuracy (%), and about the first layer's gradient norm / the last one's.
ACCURACY = (("under 30%: guessing", 0, 30), ("30% to 80%", 30, 80), ("80% or more", 80, math.inf))
GRADIENT_RATIO = (("under 1/100: it vanishes", 0, 0.01),
                  ("1/100 to 1/3", 0.01, 1 / 3), ("1/3 or more: it arrives", 1 / 3, math.inf))
EXPLODING_RATIO = (("under 10x", 0, 10), ("10x or more: it explodes", 10, math.inf))
LEARNS = (("no: guessing (under 30%)", 0, 30), ("yes: 30% or more", 30, math.inf))
DIVERGED = (("the loss falls", -math.inf, 0.5), ("it diverges: the loss becomes infinite", 0.5, math.inf))
DEEP = "32,32,32,32,32,32,32,32"


LESSONS: list[Lesson] = [
    _lesson("3Blue1Brown: 784-16-16-10 on digits",
            "The network from 3Blue1Brown's videos, from fresh random weights: 784 pixels in, two hidden layers of "
            "16 sigmoid neurons, 10 digits out. Press Play and watch the test accuracy pass 90% within a few "
            "epochs; click a first-layer neuron to see the pattern of pixels it learns to look for.",
            dataset="digits", hidden="16,16", activation="sigmoid", loss="cross_entropy", optimizer="adam",
            lr=3e-3, batch_size=32, pane="curves",
            steps=(
                _ask("Before any training the weights are random. How often will the network be right on the test "
                     "digits after one step?", ACCURACY, ("step", 1), "test_accuracy", "the test accuracy in the "
                     "status bar", "About one digit in ten: random weights guess, and a guess is right 10% of the time.",
                     0, "curves"),
                _ask("Play until step 500 (16,000 digits seen, a little over one pass over the training set). "
                     "Test accuracy then?", ACCURACY, ("until", 500), "test_accuracy", "the test curve",
                     "Over 80% already: the two hidden layers have found useful strokes. Click a first-layer neuron "
                     "to see the pixels it weighs.", 2, "curves"),
            )),
    _lesson("Victor Zhou: sex from height and weight (2-2-1)",
            "Victor Zhou's first network: two inputs (weight - 135 lb, height - 66 in), two sigmoid hidden "
            "neurons, one output (1 = female), mean squared error and plain SGD on his four people, one at a time. "
            "Step through it: each update moves every weight by -learning rate x its gradient.",
            dataset="zhou", hidden="2", activation="sigmoid", loss="mse", output="sigmoid", optimizer="sgd",
            lr=0.1, batch_size=1, surface="zhou",
            steps=(
                _ask("Step x100 (25 passes over the four people). The loss on them will...",
                     (("fall below half of what it was", 0, 0.5), ("fall, but not by half", 0.5, 1),
                      ("rise", 1, math.inf)), ("step", 100), "test_loss_ratio", "the loss curve and the ball on "
                     "the loss surface", "Each update moved every weight by -0.1 x its gradient; a hundred of them "
                     "roll the ball well down the valley.", 0, "surface"),
                _ask("Play until step 1000. What will the network say for Alice (1 = female)?",
                     (("below 0.5: male", -math.inf, 0.5), ("0.5 to 0.8: unsure", 0.5, 0.8),
                      ("0.8 or more: female", 0.8, math.inf)), ("until", 1000), "first_output",
                     "the output neuron in the diagram", "Alice's output is near 1: the network has learned "
                     "that lighter and shorter means female in Zhou's data.", 2, "network"),
            )),
    _lesson("One neuron: y = w x + b",
            "The smallest network: one neuron with no activation, fitting a line to points - linear "
            "regression. It has just two parameters, w and b, so the Loss surface pane (mode: Single neuron) "
            "shows the true loss over every (w, b) and the ball rolling to the best line.",
            dataset="line", hidden="", activation="sigmoid", loss="mse", output="linear", optimizer="sgd",
            lr=0.05, batch_size=40, surface="neuron", pane="surface",
            steps=(
                _ask("Step x10. The ball rolls downhill on the loss surface. How far will the loss fall?",
                     (("below half of what it was", 0, 0.5), ("less than half way", 0.5, 1), ("it rises", 1, math.inf)),
                     ("step", 10), "test_loss_ratio", "the ball on the loss surface",
                     "The first steps are the steepest: the bowl falls fast far from its bottom.", 0, "surface"),
                _ask("The points scatter around y = 1.5 x + 0.5. Play until step 300: what will w be?",
                     (("below 1.2", -math.inf, 1.2), ("about 1.5 (1.2 to 1.8)", 1.2, 1.8), ("above 1.8", 1.8, math.inf)),
                     ("until", 300), "slope", "the ball at the bottom of the bowl",
                     "w is about 1.5: gradient descent found the line the points came from, as least squares would.",
                     1, "surface"),
            )),
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
            dataset="digits", hidden=DEEP, activation="sigmoid", loss="cross_entropy",
            optimizer="sgd", lr=0.1, batch_size=64, pane="layers",
            steps=(
                _ask("Step once. How big will the first layer's gradient norm be next to the last layer's?",
                     GRADIENT_RATIO, ("step", 1), "first_over_last", "the gradient norms per layer (log scale)",
                     "Under a hundredth: each sigmoid passes back at most a quarter of the gradient, and eight of "
                     "them multiply.", 0, "layers"),
                _ask("Play until step 300. Test accuracy?", ACCURACY, ("until", 300), "test_accuracy",
                     "the test curve", "Still guessing: the first layers hardly move, so the later ones see noise.",
                     0, "curves"),
            )),
    _lesson("Vanishing gradients: the same with relu",
            "The same eight layers with relu, whose slope is 1 wherever it is active: the gradient reaches the "
            "first layers undiminished and the network learns.",
            dataset="digits", hidden=DEEP, activation="relu", loss="cross_entropy",
            optimizer="sgd", lr=0.1, batch_size=64, pane="layers",
            steps=(
                _ask("Step once. With relu, how big will the first layer's gradient norm be next to the last "
                     "layer's?", GRADIENT_RATIO, ("step", 1), "first_over_last",
                     "the gradient norms per layer (log scale)", "No longer vanishing: relu's slope is 1 where it "
                     "is active, so the gradient arrives whole.", 2, "layers"),
                _ask("Play until step 300. Test accuracy?", ACCURACY, ("until", 300), "test_accuracy",
                     "the test curve", "The same depth now learns: every layer gets a usable gradient.", 2, "curves"),
            )),
    _lesson("Vanishing gradients: sigmoid with batch norm",
            "The eight sigmoid layers again, with batch normalisation before each activation: it keeps every "
            "layer's weighted sums centred where the sigmoid is steep, so gradients survive the trip back.",
            dataset="digits", hidden=DEEP, activation="sigmoid", norm="batch",
            loss="cross_entropy", optimizer="sgd", lr=0.1, batch_size=64, pane="layers",
            steps=(
                _ask("Step once. Sigmoid again, with batch norm: the first layer's gradient norm next to the last "
                     "layer's?", GRADIENT_RATIO, ("step", 1), "first_over_last",
                     "the gradient norms per layer (log scale)", "Batch norm keeps each weighted sum near 0, where "
                     "the sigmoid's slope is a quarter, its largest: the gradient survives.", 2, "layers"),
                _ask("Play until step 300. Test accuracy?", ACCURACY, ("until", 300), "test_accuracy",
                     "the test curve", "The network that could not learn now does, with the same activation.", 2,
                     "curves"),
            )),
    _lesson("Learning rate too high",
            "Plain gradient descent with a learning rate of 50 on a small regression-style network: every step "
            "overshoots the valley further than the last, the loss explodes and becomes infinite within a few "
            "steps. nnviz stops at the first non-finite step and offers to lower the learning rate.",
            dataset="xor", hidden="8", activation="relu", loss="mse", output="linear", optimizer="sgd", lr=50.0,
            batch_size=16, pane="curves",
            steps=(
                _ask("Step x10 at learning rate 50. What happens to the loss?", DIVERGED, ("step", 10), "diverged",
                     "the loss curve and the message above the window", "Each step overshoots the valley further "
                     "than the last, until the numbers overflow: nnviz stops at the first infinite step.", 1, "curves"),
                _ask("Fresh weights and a learning rate of 0.05, then step x300. What happens to the loss now?",
                     DIVERGED, ("set", {"lr": 0.05, "seed": 1}, 300), "diverged", "the loss curve",
                     "Small steps follow the slope down instead of jumping across the valley.", 0, "curves"),
            )),
    _lesson("Exploding gradients: weights too large",
            "Twelve tanh layers whose first random weights are drawn twice as large as they should be. Going "
            "back from the output, each layer multiplies the gradient by more than 1, so it grows layer by layer "
            "toward the input: the opposite of vanishing, and just as bad for learning. The fixes: weights drawn "
            "to keep the signal's size (Xavier for tanh), or normalisation.",
            dataset="digits", hidden="32,32,32,32,32,32,32,32,32,32,32,32", activation="tanh", init="large",
            loss="cross_entropy", optimizer="sgd", lr=0.1, batch_size=64, pane="layers",
            steps=(
                _ask("Step once. How big will the first layer's gradient norm be next to the last layer's?",
                     EXPLODING_RATIO, ("step", 1), "first_over_last", "the gradient norms per layer (log scale): "
                     "the first layer's line on top", "Dozens of times larger: each layer on the way back "
                     "multiplied the gradient by more than one.", 1, "layers"),
                _ask("Play until step 300. Test accuracy?", ACCURACY, ("until", 300), "test_accuracy", "the test curve",
                     "Poor: the first layers take huge, erratic steps while the last ones barely move.", 0, "curves"),
                _ask("Now the same network with Xavier weights (initial weights: auto), then step once. The first "
                     "layer's gradient next to the last layer's?", EXPLODING_RATIO, ("set", {"init": "auto"}, 1),
                     "first_over_last", "the gradient norms per layer", "Under 10x: what is left is the input's own "
                     "size (784 pixels), not growth through the layers.", 0, "layers"),
                _ask("Play until step 300 with the same learning rate. Test accuracy?", ACCURACY, ("until", 300),
                     "test_accuracy", "the test curve", "The same network learns once its gradients are tame.", 2,
                     "curves"),
            )),
    _lesson("Layer norm: one sample at a time",
            "Batch norm centres each neuron's weighted sum with the mean over the mini-batch; layer norm uses "
            "the mean over the layer's neurons for each sample on its own. Here three sigmoid layers learn from "
            "one digit at a time (batch size 1), where that difference decides everything.",
            dataset="digits", hidden="32,32,32", activation="sigmoid", norm="layer", loss="cross_entropy",
            optimizer="adam", lr=3e-3, batch_size=1, pane="curves",
            steps=(
                _ask("Layer norm, one digit per step. Play until step 1000: will it learn?", LEARNS,
                     ("until", 1000), "test_accuracy", "the test curve", "It learns: layer norm needs only the one "
                     "sample's own neurons.", 1, "curves"),
                _ask("Switch to batch norm with the same batch of 1, then step x1000. Will it learn?", LEARNS,
                     ("set", {"norm": "batch"}, 1000), "test_accuracy", "the test curve and the Layers pane",
                     "Guessing: over a batch of one sample each weighted sum is its own mean, so batch norm turns "
                     "every one into 0 and the output no longer depends on the digit.", 0, "layers"),
            )),
    _lesson("Group norm: groups of neurons",
            "Group norm sits between the two: each sample's neurons are split into groups, and each group is "
            "centred and scaled with its own mean and spread. Like layer norm it needs no batch, so it works "
            "with one digit per step.",
            dataset="digits", hidden="32,32,32", activation="sigmoid", norm="group", loss="cross_entropy",
            optimizer="adam", lr=3e-3, batch_size=1, pane="layers",
            steps=(
                _ask("Group norm, one digit per step. Play until step 1000: will it learn?", LEARNS,
                     ("until", 1000), "test_accuracy", "the test curve",
                     "It learns: group statistics come from the sample itself.", 1, "curves"),
            )),
    _lesson("MSE vs cross-entropy on digits",
            "The same 784-16-16-10 sigmoid network and plain gradient descent, once with cross-entropy, once with "
            "mean squared error. When the network is confidently wrong, its output sigmoid is flat, and MSE's "
            "gradient is multiplied by that flat slope; cross-entropy's gradient is simply output - target, "
            "largest exactly when the mistake is.",
            dataset="digits", hidden="16,16", activation="sigmoid", loss="cross_entropy", optimizer="sgd", lr=1.0,
            batch_size=32, pane="curves",
            steps=(
                _ask("Cross-entropy: play until step 300. Test accuracy?", ACCURACY, ("until", 300),
                     "test_accuracy", "the test curve", "Cross-entropy learns quickly from its mistakes.", 2, "curves"),
                _ask("Now mean squared error from the same start, then step x300. Test accuracy?", ACCURACY,
                     ("set", {"loss": "mse"}, 300), "test_accuracy", "the test curve",
                     "Far behind: confident mistakes sit where the sigmoid is flat, and MSE's gradient vanishes there.",
                     0, "curves"),
            )),
    _lesson("The neuron is a function",
            "A neuron takes a weighted sum of its inputs plus a bias, z = w1 x1 + w2 x2 + b, and passes it "
            "through an activation: output = sigmoid(z). Here a single neuron reads Zhou's people (weight and "
            "height) and answers 1 for female. Click the output neuron to open the neuron lab: drag w1, w2 and b "
            "and watch z and the output change.",
            dataset="zhou", hidden="", activation="sigmoid", loss="mse", output="sigmoid", optimizer="sgd", lr=0.1,
            batch_size=1, surface="zhou", pane="network",
            steps=(
                _ask("Step once. The weights are still small. What will the neuron say for Alice (1 = female)?",
                     (("near 0: male", -math.inf, 0.4), ("near 0.5: undecided", 0.4, 0.6), ("near 1: female", 0.6, math.inf)),
                     ("step", 1), "first_output", "the output neuron in the diagram",
                     "About 0.5: with small weights z is near 0, and sigmoid(0) = 0.5.", 1, "network"),
                _ask("Play until step 200. Alice's output now?",
                     (("near 0: male", -math.inf, 0.4), ("near 0.5: undecided", 0.4, 0.6), ("near 1: female", 0.6, math.inf)),
                     ("until", 200), "first_output", "the output neuron",
                     "Near 1: the weights have grown so that z is large and positive for Alice.", 2, "network"),
            )),
]


def find_lesson(which: int | str) -> Lesson:
    """The lesson at index ``which``, or the first whose title starts with it (case-insensitive);
    ConfigError (a ValueError) names the lessons."""
    if isinstance(which, int):
        if not 0 <= which < len(LESSONS):
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "there are {n} lessons (0 to {last}), not {which}"),
                              n=len(LESSONS), last=len(LESSONS) - 1, which=which)
        return LESSONS[which]
    for lesson in LESSONS:
        if lesson.title.lower().startswith(str(which).lower()):
            return lesson
    titles = "; ".join(lesson.title for lesson in LESSONS)
    raise ConfigError(QT_TRANSLATE_NOOP("Errors", "no lesson starts with {which}; the lessons are: {titles}"),
                      which=repr(which), titles=titles)
