"""Panes that show everything (issue #15): nothing cut or covered, axes on meaningful ticks, the
step on display marked when rewinding, equal scales on a round bowl, the fit of one-neuron and
regression lessons drawn with the network's answer (pytest-qt, offscreen)."""
import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRect

from factories import make_state
from nnviz.core import Network
from nnviz.core.datasets import load
from nnviz.lessons import LESSONS, find_lesson


def idle(w):
    return not w.controller.worker.running and w.controls.buttons["playButton"].isEnabled()


def lesson_index(title: str) -> int:
    return LESSONS.index(find_lesson(title))


def rect_in(widget, ancestor) -> QRect:
    """``widget``'s rectangle in ``ancestor``'s coordinates."""
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def view_box_rect(plot_widget, ancestor, plot_item=None) -> QRect:
    """The data rectangle (view box) of a pyqtgraph plot in ``ancestor``'s coordinates."""
    item = plot_item if plot_item is not None else plot_widget.getPlotItem()
    scene_rect = item.getViewBox().sceneBoundingRect()
    top_left = plot_widget.mapFromScene(scene_rect.topLeft())
    bottom_right = plot_widget.mapFromScene(scene_rect.bottomRight())
    return QRect(plot_widget.mapTo(ancestor, top_left), plot_widget.mapTo(ancestor, bottom_right))


def scene_rect(graphics_widget, item) -> QRect:
    r = item.sceneBoundingRect()
    return QRect(graphics_widget.mapFromScene(r.topLeft()), graphics_widget.mapFromScene(r.bottomRight()))


# ----------------------------------------------------------------------------------- curves
def test_a_rewound_step_is_marked_on_the_curves_and_the_mark_goes_at_the_newest(qtbot, window):
    window.load_lesson(lesson_index("One neuron"))
    window.step(12)
    qtbot.waitUntil(lambda: window.current_state.step == 12 and idle(window), timeout=10000)
    curves = window.curves
    curves.redraw_now()
    assert curves.marker_position() is None  # at the newest step: no mark
    for _ in range(5):
        window.controller.back_one_step()
    shown = window.controller.current_state.step
    assert shown == 7
    step, loss = curves.marker_position()
    assert step == shown
    x, y = curves.train_loss.data()
    assert loss == pytest.approx(float(y[x == shown][0]))  # the dot sits on the training curve
    window.timeline.slider.setValue(2)  # a timeline scrub moves it
    assert curves.marker_position()[0] == window.controller.current_state.step != shown
    window.controller.show_newest()
    assert curves.marker_position() is None


def test_the_curves_legend_lies_outside_both_plots(qtbot):
    from nnviz.core.history import Rows
    from nnviz.gui.curves import CurvesView

    view = CurvesView()
    qtbot.addWidget(view)
    view.resize(420, 320)
    view.show()
    steps = np.arange(1, 301)
    view.add_rows(Rows(step=steps, loss=2.0 / np.sqrt(steps), accuracy=1 - 1 / np.sqrt(steps),
                       grad_norms=np.ones((300, 1))))
    view.redraw_now()
    qtbot.wait(50)
    legend = scene_rect(view.plots, view.legend)
    assert legend.width() > 50 and legend.height() > 5
    for plot in (view.loss_plot, view.acc_plot):
        assert not legend.intersects(scene_rect(view.plots, plot.getViewBox()))


# -------------------------------------------------------------------------------- regression
def test_the_one_neuron_line_is_the_networks_answer(qtbot, window):
    window.load_lesson(lesson_index("One neuron"))
    window.step(20)
    qtbot.waitUntil(lambda: window.current_state.step == 20 and idle(window), timeout=10000)
    fit_view = window.network_view.fit_view
    assert fit_view.isVisible() and fit_view.width() > 150
    state = window.controller.current_state
    xs, ys = fit_view.fit.line.getData()
    w, b = float(state.weights[0][0, 0]), float(state.biases[0][0])
    net = Network.from_state(state)
    for i in (0, len(xs) - 1):  # two x values: y = w x + b, the network's own output
        assert ys[i] == pytest.approx(w * xs[i] + b, rel=1e-5, abs=1e-5)
        assert ys[i] == pytest.approx(float(net.forward(np.array([[xs[i]]], np.float32))[0, 0]), rel=1e-5, abs=1e-5)
    assert f"{w:.2f} x" in fit_view.fit.titleLabel.text
    # the points are the data's
    px, py = fit_view.fit.train_points.getData()
    np.testing.assert_allclose(px, window.session.data.X_train[:, 0])
    np.testing.assert_allclose(py, window.session.data.Y_train[:, 0])
    # the next step moves the line
    window.step(1)
    qtbot.waitUntil(lambda: window.current_state.step == 21 and idle(window), timeout=10000)
    assert not np.allclose(fit_view.fit.line.getData()[1], ys)


def test_a_regression_lesson_shows_the_fit_in_place_of_the_accuracy(qtbot, window):
    curves = window.curves
    assert not curves.shows_fit and curves.acc_plot.scene() is not None
    window.load_lesson(lesson_index("One neuron"))
    window.step(5)
    qtbot.waitUntil(lambda: window.current_state.step == 5 and idle(window), timeout=10000)
    assert curves.shows_fit
    assert curves.acc_plot.scene() is None and curves.fit_plot.scene() is curves.plots.scene()
    xs, ys = curves.fit_plot.line.getData()
    assert len(xs) > 100 and np.isfinite(ys).all()
    assert len(curves.fit_plot.train_points.getData()[0]) == len(window.session.data.X_train)
    window.load_lesson(lesson_index("Playground: spiral"))  # classification: the accuracy comes back
    assert not curves.shows_fit and curves.acc_plot.scene() is curves.plots.scene()
    assert not window.network_view.fit_view.isVisible()


def test_regression_with_several_inputs_plots_prediction_against_target(qtbot):
    from dataclasses import replace

    from nnviz.gui.fit_view import FitPlot

    data = load("xor", n=200)
    data = replace(data, task="regression", Y_train=data.Y_train[:, :1], Y_test=data.Y_test[:, :1])
    plot = FitPlot()
    plot.set_data(data)
    net = Network([2, 4, 1], activation="tanh", loss="mse", output="linear")
    from nnviz.core import Trainer

    state = Trainer(net, data, lr=0.01, batch_size=16).step()
    plot.set_state(state)
    target, predicted = plot.test_points.getData()
    np.testing.assert_allclose(target, data.Y_test[:len(target), 0])
    np.testing.assert_allclose(predicted, Network.from_state(state).forward(data.X_test[:len(target)])[:, 0],
                               rtol=1e-5, atol=1e-6)


# ----------------------------------------------------------------------------- loss surface
def test_the_surface_legend_lies_outside_the_map(qtbot):
    from nnviz.gui.surface.view import LossSurfaceView

    view = LossSurfaceView()
    qtbot.addWidget(view)
    view.resize(420, 420)
    view.show()
    qtbot.wait(50)
    legend = rect_in(view.legend, view)
    assert view.legend.isVisible() and legend.height() > 5
    assert not legend.intersects(view_box_rect(view.plot, view))
    assert "downhill" in view.legend.text() and "negative gradient" in view.legend.toolTip()
    view.set_mode("race")  # the race names its balls below the plot: no arrows, no legend
    assert not view.legend.isVisible()
    view.shutdown()


def test_the_round_bowl_is_drawn_round(qtbot):
    from nnviz.gui.surface.view import LossSurfaceView

    view = LossSurfaceView()
    qtbot.addWidget(view)
    view.resize(520, 360)  # a wide pane
    view.show()
    view.set_mode("race")
    view.landscape.setCurrentText("bowl")
    qtbot.wait(50)
    box = view.plot.getViewBox()
    assert box.state["aspectLocked"] == 1.0
    pw, ph = box.viewPixelSize()
    assert pw == pytest.approx(ph, rel=0.02)  # a unit of w1 as long as a unit of w2
    view.set_mode("plane")  # a slice of a network: each axis fills the plot
    assert box.state["aspectLocked"] is False
    view.shutdown()


def test_small_surface_coordinates_have_no_scale_label(qtbot):
    from nnviz.gui.surface.plot import SurfacePlot

    plot = SurfacePlot()
    qtbot.addWidget(plot)
    plot.resize(300, 300)
    plot.show()
    values = np.add.outer(np.linspace(0, 1, 9), np.linspace(0, 1, 9))
    plot.show_surface(values, (-0.002, 0.002, -0.001, 0.001), ("direction 1", "direction 2"))
    qtbot.wait(50)
    for name in ("left", "bottom"):
        axis = plot.getPlotItem().getAxis(name)
        assert "(x" not in axis.labelString() and axis.labelText.startswith("direction")


# ---------------------------------------------------------------------------------- layers
def test_the_layers_pane_fits_a_narrow_dock_and_ticks_layers_and_classes_on_whole_numbers(qtbot):
    from nnviz.gui.layer_charts import LayerChartsView

    data = load("digits", n=300)
    sizes = [784] + [32] * 8 + [10]
    view = LayerChartsView()
    qtbot.addWidget(view)
    view.set_context(data)
    view.set_state(make_state(sizes))
    view.resize(300, 330)
    view.show()
    view.redraw_now()
    qtbot.wait(50)
    width = view.plots.viewport().width()
    for plot in (view.grad_plot, view.hist_plot, view.confusion_plot):
        assert scene_rect(view.plots, plot).right() <= width + 1  # nothing cut on the right
    assert view.title.width() <= view.width() and view.title.wordWrap()
    for plot, names in ((view.hist_plot, ("left",)), (view.confusion_plot, ("left", "bottom"))):
        for name in names:
            axis = plot.getAxis(name)
            lo, hi = axis.range
            values = [v for _, level in axis.tickValues(min(lo, hi), max(lo, hi), 200) for v in level]
            assert values and all(float(v).is_integer() for v in values), (name, values)
    # class k's cell is centred on k
    assert view.confusion_image.mapRectToParent(view.confusion_image.boundingRect()).left() == pytest.approx(-0.5)


def test_log_axis_labels_are_decades_that_do_not_overlap():
    from nnviz.gui.fitted_text import DecadeAxis, decade_text

    axis = DecadeAxis("left")
    for lo, hi, size in ((-12, 1, 90), (-12, 1, 400), (-3.5, 0.2, 60), (-0.3, 0.4, 60)):
        levels = axis.tickValues(lo, hi, size)
        values = [v for _, level in levels for v in level]
        assert values and all(float(v).is_integer() for v in values)
        assert len(values) * DecadeAxis.LABEL_PX <= max(size, DecadeAxis.LABEL_PX)  # room for each label
    assert [decade_text(e) for e in (0, 2, -2, -5, 6)] == ["1", "100", "0.01", "1e-5", "1e6"]


def test_sparse_axis_labels_do_not_overlap():
    from nnviz.gui.fitted_text import IntegerAxis, SparseAxis

    for axis in (SparseAxis("bottom"), IntegerAxis("bottom")):
        for lo, hi, size in ((0, 0.8, 80), (0, 10, 90), (0, 25_000, 120), (0, 9, 400)):
            values = [v for _, level in axis.tickValues(lo, hi, size) for v in level]
            assert values and len(values) <= max(2, size // axis.LABEL_PX)


# --------------------------------------------------------------------------------- diagram
def test_a_shortened_column_caption_gives_the_whole_caption_on_hover(qtbot):
    from nnviz.gui.network_view import NetworkView

    view = NetworkView()
    qtbot.addWidget(view)
    view.resize(520, 400)  # ten columns: captions shortened
    view.show()
    view.set_state(make_state([784] + [32] * 8 + [10]))
    view.canvas.grab()  # paint
    tips = view.canvas.caption_tips
    assert tips, "no caption was shortened"
    rect, text = tips[1]
    assert view.canvas.caption_tip(rect.center()) == text
    assert text in {"input: 28x28 pixels", "output: 10 softmax"} or text.startswith("layer ")
    assert view.canvas.caption_tip(rect.center() + type(rect.center())(0, 300)) == ""  # not over a caption
