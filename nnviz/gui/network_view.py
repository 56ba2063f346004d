"""The network diagram pane: neurons coloured by activation, edges by weight, gradient or contribution.

``NetworkView`` holds the controls, the state on display and the neuron lab;
``network_canvas.NetworkCanvas`` paints; ``network_edges`` colours and draws
the edges; ``network_layout`` places everything; ``neuron_detail`` is the
panel of the clicked neuron.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPoint, QSize, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from nnviz.core import Network

from .elided_label import ElidedLabel
from .fit_view import FitView
from .formula_view import NORM_NAMES
from .language import translate
from .network_canvas import NetworkCanvas, activation_color

#: The edges' colourings: key -> (name, tooltip), in English (shown through translate("NetworkView", text)).
MODES = {"weight": (QT_TRANSLATE_NOOP("NetworkView", "weight"), QT_TRANSLATE_NOOP(
             "NetworkView", "Edges coloured by weight: blue positive, orange negative, brighter = stronger")),
         "gradient": (QT_TRANSLATE_NOOP("NetworkView", "gradient"), QT_TRANSLATE_NOOP(
             "NetworkView", "Edges coloured by the gradient of the last step (dLoss/dw): how hard, and which way, "
             "training pushed each weight")),
         "contribution": (QT_TRANSLATE_NOOP("NetworkView", "contribution"), QT_TRANSLATE_NOOP(
             "NetworkView", "Edges coloured by weight x incoming activation: what each edge adds to the weighted "
             "sum z for the input on display"))}
MAX_EDGES_ALL = 20_000  # beyond this many edges, draw the strongest k per neuron by default
DEFAULT_TOP_K = 8
ANIMATION_MS = 900


class _LabEdit(QUndoCommand):
    """One change of the neuron lab's edits (consecutive changes of one neuron's control merge)."""

    def __init__(self, view: "NetworkView", before: dict, after: dict, key):
        super().__init__("neuron lab edit")
        self.view, self.before, self.after, self.key = view, before, after, key

    def id(self) -> int:
        return 1

    def mergeWith(self, other) -> bool:
        if other.key != self.key or self.key is None:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        self.view._apply_lab(self.after)

    def undo(self) -> None:
        self.view._apply_lab(self.before)


class NetworkView(QWidget):
    """The network diagram pane.

    ``set_state(state)`` draws a StepState; ``set_probe(activations, zs)``
    shows another input's activations (the drawing pad's), None to go back;
    ``set_input_caption(text)`` says which input the activations are for (``input_caption``);
    ``animate_backward(state)`` plays the error flowing backwards.

    Signals: ``neuronSelected(layer, index)`` (layer 1 = first hidden);
    ``labChanged()`` when the neuron lab's edits change (``lab_network()``
    gives the edited network, or None); ``labKept(theta)`` when the user
    keeps them (theta: the edited network's flat parameters).
    """

    neuronSelected = Signal(int, int)
    labChanged = Signal()
    labKept = Signal(object)

    activation_color = staticmethod(activation_color)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("networkView")
        self.state = None
        self.class_names: tuple = ()
        self.input_names: tuple = ()
        self.data = None
        self.selected: tuple | None = None  # (layer, neuron index)
        self.scroll: dict = {}  # layer -> first neuron shown, for compressed layers
        self._probe = None  # (activations, zs) from the pad, or None
        self._lab_edits: dict = {}  # (layer, j) -> (bias shift, weight scale, off)
        self._lab_net: Network | None = None
        self.undo_stack = QUndoStack(self)

        self.mode = QComboBox()
        self.mode.setObjectName("edgeModeCombo")
        for key, (name, tip) in MODES.items():  # the key is the item's data
            self.mode.addItem(translate("NetworkView", name), key)
            self.mode.setItemData(self.mode.count() - 1, translate("NetworkView", tip), Qt.ToolTipRole)
        self.mode.setToolTip(translate("NetworkView", "What the edges show: the weights, the last step's gradient, "
                                       "or each weight times its incoming activation"))
        self.top_k = QSpinBox()
        self.top_k.setObjectName("topKSpin")
        self.top_k.setRange(0, 1000)
        self.top_k.setSpecialValueText(translate("NetworkView", "all edges"))
        self.top_k.setPrefix(translate("NetworkView", "strongest "))
        self.top_k.setSuffix(translate("NetworkView", " edges per neuron"))
        self.top_k.setToolTip(translate("NetworkView", "Draw only each neuron's k strongest incoming edges (largest "
                                        "|value| in the current colouring); 0 = all. Wide networks become readable."))
        self.backward = QCheckBox(translate("NetworkView", "backward pass"))
        self.backward.setObjectName("backwardCheck")
        self.backward.setChecked(True)
        self.backward.setToolTip(translate("NetworkView", "After each single step, watch the error flow back from "
                                           "the outputs to the inputs, layer by layer, as the edges light up with "
                                           "their gradients"))
        self.input_caption = ""
        self.input_label = ElidedLabel()  # never widens the window: elided when the bar is short
        self.input_label.setObjectName("inputCaption")
        self.input_label.setToolTip(translate("NetworkView", "The input whose activations the neurons show: the "
                                              "drawing pad's, or the probe sample (a fixed test digit) when the pad "
                                              "is empty"))
        self.canvas = NetworkCanvas(self)
        self.detail = None  # the NeuronDetail panel, created on the first click
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        for w in (QLabel(translate("NetworkView", "edges:")), self.mode, self.top_k, self.backward):
            bar.addWidget(w)
        self.input_label.setAlignment(Qt.AlignRight)
        bar.addWidget(self.input_label, 1)  # the rest of the bar
        self.body = QHBoxLayout()
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(0)
        # One input (the One neuron lesson): the points and the network's answer over x, beside the diagram.
        self.fit_view = FitView()
        self.fit_view.hide()
        self.body.addWidget(self.fit_view, 3)
        self.body.addWidget(self.canvas, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addLayout(self.body, 1)
        self.mode.currentIndexChanged.connect(self.canvas.invalidate_edges)
        self.top_k.valueChanged.connect(self.canvas.invalidate_edges)
        self._animation = QVariantAnimation(self)
        self._animation.setDuration(ANIMATION_MS)
        self._animation.valueChanged.connect(self.canvas.set_animation)
        self._animation.finished.connect(self._animation_finished)

    def _animation_finished(self) -> None:
        self.canvas.set_animation(None)

    def sizeHint(self) -> QSize:
        return QSize(760, 560)

    def keyPressEvent(self, event) -> None:
        """Ctrl+Z / Ctrl+Shift+Z undo and redo lab edits (keys the diagram or the panel did not use)."""
        if event.matches(QKeySequence.Undo):
            self.undo_stack.undo()
        elif event.matches(QKeySequence.Redo):
            self.undo_stack.redo()
        else:
            super().keyPressEvent(event)

    # --------------------------------------------------------------- public
    def set_class_names(self, names) -> None:
        """Labels of the outputs (for one sigmoid output, (name of 0, name of 1))."""
        self.class_names = tuple(names)
        self.canvas.update()

    def set_data(self, data) -> None:
        """The data set (class names, input names, and for 2-input networks the points of the map)."""
        self.data = data
        self.class_names = tuple(data.class_names)
        self.input_names = tuple(data.input_names)
        self.fit_view.fit.set_data(data)
        self.fit_view.setVisible(data.n_inputs == 1)
        self.canvas.relayout()

    def set_input_names(self, names) -> None:
        """Labels of the input nodes when the input is not an image (default x1, x2, ...)."""
        self.input_names = tuple(names)
        self.canvas.update()

    def hidden_text(self) -> str:
        """What the diagram leaves out, e.g. 'showing 40 of 256 neurons in layer 1', or ''."""
        return self.canvas.ensure_layout().hidden_text() if self.state is not None else ""

    def set_state(self, state) -> None:
        """Draw ``state`` (a StepState); a state with non-finite parameters is ignored."""
        if state is None or not np.isfinite(state.theta).all():
            return
        shape_changed = self.state is None or self.state.layer_sizes != state.layer_sizes
        self.skip_animation()
        if shape_changed or state.step != self.state.step:
            self._lab_edits, self._lab_net = {}, None
            self.undo_stack.clear()
        self.state = state
        if shape_changed:
            sizes = state.layer_sizes
            edges = sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))
            self.top_k.blockSignals(True)
            self.top_k.setValue(0 if edges <= MAX_EDGES_ALL else DEFAULT_TOP_K)
            self.top_k.blockSignals(False)
            self.selected = None
            self.scroll = {}
            if self.detail is not None:
                self.detail.hide()
        self.canvas.new_state(shape_changed)
        if not self.fit_view.isHidden():
            self.fit_view.fit.set_state(state)
        if self.detail is not None and self.detail.isVisible() and self.selected is not None:
            self.detail.show_neuron(*self.selected)

    def set_live(self, live: bool) -> None:
        """True while training plays: edges are redrawn at most twice a second, neurons every frame."""
        self.canvas.set_live(live)

    def set_probe(self, activations, zs) -> None:
        """Show these per-layer activations (from the drawing pad) instead of the state's probe sample;
        (None, None) goes back to the state's."""
        if activations is None and self._probe is None:
            return  # the empty pad says so at every frame: in contribution mode each redraw was all the edges
        self._probe = None if activations is None else (activations, zs)
        self._activations_changed()

    def set_input_caption(self, text: str) -> None:
        """Name the input on display, e.g. "test digit #0 (a 7), the probe sample"."""
        self.input_caption = text
        self.input_label.setText(translate("NetworkView", "input: {input}").format(input=text) if text else "")
        if self.detail is not None and self.detail.isVisible() and self.selected is not None:
            self.detail.show_neuron(*self.selected)

    def animate_backward(self, state) -> None:
        """The error signal flowing from the outputs back to the inputs, layer by layer (under a second);
        any new state or click cancels it. Does nothing unless "backward pass" is ticked."""
        if not self.backward.isChecked() or state is None or state is not self.state:
            return
        self._animation.stop()
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(float(len(state.weights)))
        self._animation.start()
        self.canvas.set_animation(0.0)

    def skip_animation(self) -> None:
        if self._animation.state() == QVariantAnimation.Running:
            self._animation.stop()
            self.canvas.set_animation(None)

    def shown_activations(self):
        """(activations, zs) on display: the lab's, the pad's, or the state's probe sample."""
        probe = self._probe
        if probe is not None and [len(a) for a in probe[0]] != self.state.layer_sizes:
            probe = None  # an input of another network's shape, late after a new lesson: not shown
        if self._lab_net is not None:
            x = probe[0][0] if probe is not None else self.state.activations[0]
            return self._lab_net.probe(np.asarray(x))
        return probe if probe is not None else (self.state.activations, self.state.zs)

    def shown_weights(self):
        """Per layer, (n_out, n_in) weights on display: the lab's, or the state's."""
        return self._lab_net.weights if self._lab_net is not None else self.state.weights

    def neuron_center(self, layer: int, index: int) -> QPoint:
        """Widget (NetworkView) coordinates of neuron ``index`` of ``layer`` (0 = input); the neuron
        must be on display (see ``hidden_text``)."""
        lay = self.canvas.ensure_layout()
        x, y = lay.centers[layer][index - lay.first[layer]]
        return self.canvas.mapTo(self, QPoint(int(round(x)), int(round(y))))

    def hover_text(self, layer: int, j: int) -> str:
        """The tooltip of a neuron: its weighted sum, bias, activation function and value."""
        acts, zs = self.shown_activations()
        s = self.state
        if layer == 0:
            name = self.input_names[j] if j < len(self.input_names) else f"x{j + 1}"
            return translate("NetworkView", "input {j}: {name}").format(j=j, name=name) + f"\na = {float(acts[0][j]):.4f}"
        net_out = layer == len(s.layer_sizes) - 1
        f = s.config.get("output") if net_out else s.config.get("activation")
        W = self.shown_weights()[layer - 1]
        b = self._lab_net.biases[layer - 1] if self._lab_net is not None else s.biases[layer - 1]
        z, a = float(zs[layer - 1][j]), float(acts[layer][j])
        name = self.class_names[j] if net_out and j < len(self.class_names) else None
        title = ((translate("NetworkView", "output {j} ('{name}')") if name else translate("NetworkView", "output {j}"))
                 if net_out else translate("NetworkView", "layer {layer}, neuron {j}")).format(j=j, name=name, layer=layer)
        norm = s.config.get("norm", "none") not in (None, "none")
        inputs = translate("NetworkView", "({n} inputs, bias b = {b})").format(n=len(W[j]), b=f"{float(b[j]):.4f}")
        return (f"{title}\nz = Σ w·a + b = {z:.4f}   {inputs}\n"
                + (translate("NetworkView", "normalised ({norm}), then").format(
                    norm=translate("FormulaView", NORM_NAMES.get(s.config["norm"], s.config["norm"]))) + "\n"
                   if norm and not net_out else "")
                + f"a = {f}(z) = {a:.4f}")

    # ----------------------------------------------------------------- lab
    def select(self, layer: int, j: int) -> None:
        """Open the detail panel (and lab) for neuron j of layer ``layer`` (1 = first hidden)."""
        from .neuron_detail import NeuronDetail

        self.selected = (layer, j)
        if self.detail is None:
            self.detail = NeuronDetail(self)
            self.body.addWidget(self.detail)
        self.detail.show_neuron(layer, j)
        self.detail.show()
        self.neuronSelected.emit(layer, j)
        self.canvas.update()

    def lab_edit(self, layer: int, j: int) -> tuple:
        """(bias shift, weight scale, off) of neuron j of ``layer`` in the lab."""
        return self._lab_edits.get((layer, j), (0.0, 1.0, False))

    def set_lab_edit(self, layer: int, j: int, bias_shift: float = 0.0, weight_scale: float = 1.0,
                     off: bool = False) -> None:
        """Edit neuron j of ``layer`` in the lab: shift its bias, scale its incoming weights, or switch
        it off (its outgoing weights count for nothing). The diagram and ``lab_network()`` follow at once;
        Ctrl+Z undoes."""
        after = dict(self._lab_edits)
        if bias_shift == 0.0 and weight_scale == 1.0 and not off:
            after.pop((layer, j), None)
        else:
            after[(layer, j)] = (float(bias_shift), float(weight_scale), bool(off))
        if after != self._lab_edits:
            self.undo_stack.push(_LabEdit(self, dict(self._lab_edits), after, (layer, j)))

    def reset_lab(self) -> None:
        """Forget every lab edit (undoable)."""
        if self._lab_edits:
            self.undo_stack.push(_LabEdit(self, dict(self._lab_edits), {}, None))

    def _apply_lab(self, edits: dict) -> None:
        self._lab_edits = dict(edits)
        self._lab_net = self._build_lab_net() if self._lab_edits else None
        if self.detail is not None and self.detail.isVisible():
            self.detail.show_neuron(*self.selected)
        self.canvas.invalidate_edges()  # switched-off or scaled weights change edges too
        self.labChanged.emit()

    def _build_lab_net(self) -> Network:
        net = Network.from_state(self.state)
        last = net.n_layers
        for (layer, j), (shift, scale, off) in self._lab_edits.items():
            W, b = net.weights[layer - 1], net.biases[layer - 1]
            W[j] *= scale
            b[j] += shift
            if off:
                if layer < last:
                    net.weights[layer][:, j] = 0.0  # nothing it says reaches the next layer
                else:
                    W[j] = 0.0
                    b[j] = -50.0  # an output that never fires
        return net

    def lab_network(self) -> Network | None:
        """The network with the lab's edits, or None when there are none."""
        return self._lab_net

    def keep_lab(self) -> None:
        """Make the lab's edits the network's own: emits ``labKept(theta)`` for the window to hand to
        the trainer."""
        if self._lab_net is not None:
            theta = self._lab_net.theta.copy()
            self._lab_edits, self._lab_net = {}, None
            self.undo_stack.clear()
            self.labKept.emit(theta)
            if self.detail is not None and self.detail.isVisible():
                self.detail.show_neuron(*self.selected)

    def edge_mode(self) -> str:
        """The edges' colouring on display: a key of MODES."""
        return self.mode.currentData()

    @staticmethod
    def edge_name(mode: str) -> str:
        """The name of the colouring ``mode`` (a key of MODES) in the window's language."""
        return translate("NetworkView", MODES[mode][0])

    def _activations_changed(self) -> None:
        if self.edge_mode() == "contribution":
            self.canvas.invalidate_edges()
        else:
            self.canvas.update()
