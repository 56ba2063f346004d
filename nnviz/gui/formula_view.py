"""The formula pane: one neuron's arithmetic with the actual numbers, and one weight's chain rule.

For the input on display (the drawing pad's input, or else the state's probe sample; the pane
says which): the weighted sum
``z = sum_k w_jk a_k + b_j`` term by term, ``a = f(z)``; at the output the
softmax and the loss; then, as Victor Zhou writes it, the chain-rule factors
of ``dL/dw_jk`` for this one sample.
"""
from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QTextBrowser, QVBoxLayout, QWidget

from nnviz.core import Network, losses
from nnviz.core.network import holding

from .language import translate

TERMS = 6  # largest terms of the weighted sum written out
#: The network's normalisation (its ``norm``) as the pane names it.
NORM_NAMES = {"batch": QT_TRANSLATE_NOOP("FormulaView", "batch norm"),
              "layer": QT_TRANSLATE_NOOP("FormulaView", "layer norm"),
              "group": QT_TRANSLATE_NOOP("FormulaView", "group norm")}


def _n(x: float) -> str:
    return f"{x:.4g}"


def _f(x: float) -> str:
    """A factor: negative numbers in brackets."""
    return f"({x:.4g})" if x < 0 else f"{x:.4g}"


class Outer:
    """dL/dW of one weight layer for one sample, ``outer(delta, a)`` (n_out, n_in), read an entry at a
    time: the formulas need one weight's gradient, and building every layer's (932k numbers for
    784-512-512-512-10) cost a scrub of the timeline 20 ms."""

    def __init__(self, delta: np.ndarray, a: np.ndarray):
        self.delta, self.a = delta, a
        self.shape = (len(delta), len(a))

    def __getitem__(self, index):
        if isinstance(index, tuple) and len(index) == 2 and all(isinstance(i, (int, np.integer)) for i in index):
            return self.delta[index[0]] * self.a[index[1]]
        return np.outer(self.delta, self.a)[index]


def sample_gradients(state, target: np.ndarray, x=None, net: Network | None = None):
    """The forward and backward pass of input ``x`` (default: the probe sample) in float64.

    Returns (net, dW, dB): net holds every layer's zs and activations for the
    sample; dB[l] (n_{l+1},) is dL/dz of layer l+1 for this one sample and
    dW[l] = outer(dB[l], a_l) (an :class:`Outer` without normalisation).  ``net``: a float64
    network to reuse when it has the state's architecture (its buffers are overwritten, and dW, dB
    are its own until the next call): a new network costs a random initialisation, 50 ms for
    784-512-512-512-10.
    """
    net = holding(net, {**dict(state.config), "dtype": "float64"}, state.theta, state.norm_stats)
    x = np.asarray(state.activations[0] if x is None else x, np.float64).reshape(1, -1)
    with np.errstate(all="ignore"):
        if net.norms:
            net.backprop(x, target[None, :])
            net.forward(x)  # evaluation mode, as the diagram shows it
            return net, net.dW, net.dB
        # Without normalisation training and evaluation modes agree: one pass, then the deltas only.
        P = net.forward(x)
        delta = losses.output_delta(net.loss, net.output, net.zs[-1], P, np.asarray(target, float)[None, :])[0]
        dB = [delta] * net.n_layers
        for l in range(net.n_layers - 1, 0, -1):
            delta = (net.weights[l].T @ delta) * net.activation.derivative(net.zs[l - 1][0], net.activations[l][0])
            dB[l - 1] = delta
    return net, [Outer(d, a[0]) for d, a in zip(dB, net.activations)], dB


def target_for(state, label: int | None = None) -> np.ndarray:
    """The target row (n_out,) of class ``label`` (default: the probe sample's): one-hot, or the 0/1
    label for one output."""
    n_out = state.layer_sizes[-1]
    label = state.probe_label if label is None else label
    y = np.zeros(n_out)
    if label >= 0:
        if n_out == 1:
            y[0] = label
        else:
            y[label] = 1.0
    return y


def neuron_html(state, layer: int, j: int, k: int | None = None, x=None, label: int = -1,
                net: Network | None = None) -> str:
    """HTML for neuron j of weight layer ``layer`` (0-based; its output is layer+1's activations)
    and the chain rule of weight w_jk (k defaults to the input with the largest |w a| term), for
    input ``x`` of class ``label`` (default: the state's probe sample).  An input without a label
    (a drawing) takes the network's own answer as its class, and the pane says so."""
    note = ""
    if x is not None and label < 0:
        p = sample_gradients(state, np.zeros(state.layer_sizes[-1]), x, net)[0].activations[-1][0]
        label = int(p[0] >= 0.5) if len(p) == 1 else int(np.argmax(p))
        note = "<p style='color:#666'>" + translate(
            "FormulaView", "A drawing has no true class: the loss and the chain rule take the network's answer, "
            "{label}, as the class.").format(label=label) + "</p>"
    target = target_for(state, label if x is not None else None)
    net, dW, dB = sample_gradients(state, target, x, net)
    W, b = net.weights[layer], net.biases[layer]
    a_in = net.activations[layer][0]
    z = net.zs[layer][0, j]
    a = net.activations[layer + 1][0, j]
    output = layer == net.n_layers - 1
    f_name = net.output if output else net.activation.name
    terms = W[j] * a_in
    order = np.argsort(-np.abs(terms))
    if k is None:
        k = int(order[0])
    shown = order[:TERMS]
    rest = float(terms.sum() - terms[shown].sum())
    norm_name = translate("FormulaView", NORM_NAMES[net.norm]) if net.norms else ""
    title = (translate("FormulaView", "Neuron {j} of the output layer") if output
             else translate("FormulaView", "Neuron {j} of hidden layer {layer}"))
    lines = ["<h3>" + title.format(j=j, layer=layer + 1) + "</h3>",
             translate("FormulaView", "<p><b>Weighted sum</b> z = &Sigma;<sub>k</sub> w<sub>jk</sub> a<sub>k</sub> + "
                       "b<sub>j</sub>:</p>") + "<p>z = "]
    parts = [f"{_f(W[j, i])}&times;{_f(a_in[i])}<sub>[{i}]</sub>" for i in shown]
    if len(terms) > TERMS:
        parts.append(translate("FormulaView", "({n} more terms: {total})").format(n=len(terms) - TERMS,
                                                                                   total=_n(rest)))
    lines.append(" + ".join(parts) + f" + {_n(b[j])} = <b>{_n(z)}</b></p>")
    if net.norms and not output:
        y = net._ys[layer][0, j]
        lines.append("<p>" + translate("FormulaView", "{norm} rescales it to {y} before the activation.").format(
            norm=norm_name, y=_n(y)) + "</p>")
        z_act = y
    else:
        z_act = z
    if f_name == "softmax":
        zs = net.zs[layer][0]
        lines.append(f"<p><b>Softmax</b> p<sub>j</sub> = e<sup>z<sub>j</sub></sup> / &Sigma; e<sup>z</sup> = "
                     f"e<sup>{_n(z)}</sup> / {_n(float(np.exp(zs - zs.max()).sum()))}&middot;e<sup>{_n(zs.max())}"
                     f"</sup> = <b>{_n(a)}</b></p>")
    else:
        lines.append("<p>" + translate("FormulaView", "<b>Activation</b> a = {f}(z) = {f}({z}) = <b>{a}</b>").format(
            f=html.escape(f_name), z=_n(z_act), a=_n(a)) + "</p>")
    if output:
        p = net.activations[-1][0]
        if net.loss == "cross_entropy" and len(p) > 1:
            y_idx = int(np.argmax(target))
            lines.append("<p>" + translate("FormulaView", "<b>Loss</b> (cross-entropy, true class {y}) = "
                                           "-log p<sub>{y}</sub> = -log {p} = <b>{loss}</b>").format(
                y=y_idx, p=_n(p[y_idx]), loss=_n(-np.log(max(p[y_idx], 1e-300)))) + "</p>")
        elif net.loss == "cross_entropy":
            loss = -(target[0] * np.log(max(p[0], 1e-300)) + (1 - target[0]) * np.log(max(1 - p[0], 1e-300)))
            lines.append("<p>" + translate("FormulaView", "<b>Loss</b> (binary cross-entropy, y = {y}) = "
                                           "<b>{loss}</b>").format(y=_n(target[0]), loss=_n(float(loss))) + "</p>")
        else:
            lines.append("<p>" + translate("FormulaView", "<b>Loss</b> (mean squared error over {n} outputs) = "
                                           "<b>{loss}</b>").format(n=len(p), loss=_n(float(np.mean((p - target) ** 2))))
                         + "</p>")
    delta = dB[layer][j]
    if output and note:
        lines.append(note)
    lines.append("<h3>" + translate("FormulaView", "Chain rule for w<sub>{j},{k}</sub> (this sample only)").format(
        j=j, k=k) + "</h3>")
    if output:
        if net.loss == "cross_entropy":
            lines.append(f"<p>&part;L/&part;z<sub>j</sub> = p<sub>j</sub> - y<sub>j</sub> = {_n(a)} - {_n(target[j])}"
                         f" = {_n(delta)}</p>")
        else:
            dL_da = 2 * (a - target[j]) / len(target)
            lines.append(f"<p>&part;L/&part;a<sub>j</sub> = 2(a<sub>j</sub> - y<sub>j</sub>)/{len(target)} = "
                         f"{_n(dL_da)}; &part;a/&part;z = {html.escape(f_name)}'(z) = "
                         f"{_n(delta / dL_da) if dL_da else '&mdash;'}; &part;L/&part;z = {_n(delta)}</p>")
    else:
        upstream = float(dB[layer + 1] @ net.weights[layer + 1][:, j])
        lines.append("<p>" + translate("FormulaView", "&part;L/&part;a<sub>j</sub> = &Sigma;<sub>i</sub> w<sub>ij</sub> "
                                       "&part;L/&part;z<sub>i</sub> (from the layer above) = {value}").format(
            value=_n(upstream)) + "</p>")
        if not net.norms:
            slope = float(net.activation.derivative(np.array([z]), np.array([a]))[0])
            lines.append(f"<p>&part;a<sub>j</sub>/&part;z<sub>j</sub> = {html.escape(f_name)}'({_n(z)}) = {_n(slope)}"
                         f" &rArr; &part;L/&part;z<sub>j</sub> = {_f(upstream)} &times; {_f(slope)} = {_n(delta)}</p>")
        else:
            lines.append("<p>" + translate("FormulaView", "through the activation and the {norm}: "
                                           "&part;L/&part;z<sub>j</sub> = {value}").format(norm=norm_name, value=_n(delta))
                         + "</p>")
    lines.append(f"<p>&part;z<sub>j</sub>/&part;w<sub>jk</sub> = a<sub>k</sub> = {_n(a_in[k])}</p>")
    lines.append(f"<p><b>&part;L/&part;w<sub>{j},{k}</sub> = {_f(delta)} &times; {_f(a_in[k])} = "
                 f"{_n(dW[layer][j, k])}</b></p>")
    lines.append("<p style='color:#666'>" + translate("FormulaView", "The step itself used the average of this over "
                                                      "the mini-batch (here {value}).").format(
        value=_n(float(state.grad_weights[layer][j, k]))) + "</p>")
    return "".join(lines)


class FormulaView(QWidget):
    """Pick a layer and a neuron (or get one from the diagram with :meth:`select`); see its arithmetic."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("formulaView")
        self.state = None
        self.input = None  # (x, label) of the pad's input, or None: the state's probe sample
        self.on_screen = True  # False behind another tab (the window says): nothing is written
        self._stale = False  # something changed while it could not be seen
        self._net: Network | None = None  # float64, for the formulas' passes (reused from state to state)
        self.caption = QLabel()
        self.caption.setObjectName("formulaInput")
        self.caption.setWordWrap(True)
        self.layer = QSpinBox()
        self.layer.setToolTip(translate("FormulaView", "Which layer: 1 is the first hidden layer; the last is the "
                                                "output layer"))
        self.neuron = QSpinBox()
        self.neuron.setToolTip(translate("FormulaView", "Which neuron of that layer (click one in the network diagram "
                                                 "to pick it)"))
        self.source = QSpinBox()
        self.source.setToolTip(translate("FormulaView", "Which incoming weight the chain rule is written for (-1: the "
                                                 "largest term)"))
        self.source.setMinimum(-1)
        self.text = QTextBrowser()
        self.text.setObjectName("formulaText")
        row = QHBoxLayout()
        for label, box in ((translate("FormulaView", "Layer"), self.layer),
                           (translate("FormulaView", "Neuron"), self.neuron),
                           (translate("FormulaView", "from"), self.source)):
            caption = QLabel(label)  # short, so the pane stays narrow; the box's tooltip says more
            caption.setToolTip(box.toolTip())
            row.addWidget(caption)
            row.addWidget(box)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.caption)
        layout.addWidget(self.text, 1)
        for box in (self.layer, self.neuron, self.source):
            box.valueChanged.connect(self._refresh)

    def select(self, layer: int, neuron: int) -> None:
        """Show neuron ``neuron`` of layer ``layer`` (1 = first hidden layer)."""
        self.layer.setValue(layer)
        self.neuron.setValue(neuron)

    def set_input(self, x, label: int = -1, caption: str = "") -> None:
        """Write the formulas for input ``x`` (n_in,) of class ``label`` (-1: unknown), or for the
        state's probe sample when ``x`` is None; ``caption`` names it ("test digit #0 (a 7), ...")."""
        self.input = None if x is None else (np.asarray(x, np.float64).ravel(), int(label))
        self.caption.setText(translate("FormulaView", "for {input}").format(input=caption) if caption else "")
        self._refresh()

    def set_state(self, state) -> None:
        if state is None or state.diverged and not np.isfinite(state.theta).all():
            return
        self.state = state
        sizes = state.layer_sizes
        self.layer.setRange(1, len(sizes) - 1)
        self.neuron.setRange(0, sizes[self.layer.value()] - 1)
        self.source.setRange(-1, sizes[self.layer.value() - 1] - 1)
        self._refresh()

    def set_on_screen(self, on_screen: bool) -> None:
        """The window says whether the pane can be seen (behind another tab it is "visible" to Qt but
        cannot be seen): brought forward, it writes what changed meanwhile."""
        self.on_screen = on_screen
        if on_screen and self._stale:
            self._refresh()

    def _refresh(self, *_) -> None:
        """Write the formulas if they can be seen (a scrub on a 784-512-512-512-10 network wrote them
        behind the Curves tab: 4 of its 30 ms), else when they can."""
        self._stale = not (self.on_screen and self.isVisible())
        if not self._stale:
            self._render()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._refresh()

    def _render(self, *_):
        if self.state is None:
            return
        sizes = self.state.layer_sizes
        layer = self.layer.value()
        self.neuron.setMaximum(sizes[layer] - 1)
        self.source.setMaximum(sizes[layer - 1] - 1)
        k = self.source.value()
        x, label = self.input if self.input is not None and len(self.input[0]) == sizes[0] else (None, -1)
        config = {**dict(self.state.config), "dtype": "float64"}
        if self._net is None or self._net.frozen_config != config:  # the pane's own, reused: see sample_gradients
            self._net = Network(**config)
        self.text.setHtml(neuron_html(self.state, layer - 1, self.neuron.value(), None if k < 0 else k, x, label,
                                      self._net))
