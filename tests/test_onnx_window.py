"""An ONNX model opened in the window is shown like nnviz's own: diagram, pad, formulas, the
banner saying how it was read, and training that continues from its weights."""
import numpy as np
import onnx
from onnx.reference import ReferenceEvaluator

from factories import onnx_mlp
from nnviz.core import load_network


def test_an_onnx_model_opens_like_a_model_of_nnviz(qtbot, window, tmp_path):
    model = onnx_mlp([784, 24, 12, 10], hidden="tanh", output="linear", form="gemm", flatten="Flatten", seed=5)
    path = tmp_path / "keras_mlp.onnx"
    onnx.save(model, path)
    assert window.open_model(path)
    state = window.current_state
    # The architecture, everywhere: the session, the controls, the diagram, the formulas.
    assert state.layer_sizes == [784, 24, 12, 10] and state.step == 0
    assert state.config["activation"] == "tanh" and state.config["output"] == "softmax"
    assert window.session.data.name == "digits"
    assert window.controls.param("hidden").value() == "24,12"
    assert window.controls.param("activation").value() == "tanh"
    assert window.network_view.canvas.ensure_layout().sizes == [784, 24, 12, 10]
    assert window.formulas.layer.maximum() == 3
    assert np.array_equal(state.theta, load_network(path).theta)
    # The banner and the title say what was opened and how it was read.
    text = window.banner.text.text()
    assert window.banner.isVisible() and "Imported keras_mlp.onnx" in text and "softmax" in text
    assert "keras_mlp.onnx" in window.windowTitle()
    # The pad's answer is the ONNX model's own answer on that digit.
    d = window.session.data
    window.pad_pane.pad.set_sample(d.X_test[5], "test digit #5", int(d.labels_test[5]))
    logits = ReferenceEvaluator(model).run(None, {"x": d.X_test[5].reshape(1, 1, 28, 28).astype(np.float32)})[0]
    assert window.pad_pane.prediction.winner() == int(np.argmax(logits))
    e = np.exp(logits[0] - logits[0].max())
    np.testing.assert_allclose(window.pad_pane.prediction.probabilities(), e / e.sum(), atol=1e-5)
    # Training continues from its weights.
    window.step(1)
    qtbot.waitUntil(lambda: window.current_state.step == 1 and not window.controller.worker.running, timeout=10000)
    assert not np.array_equal(window.current_state.theta, state.theta)
    assert window.current_state.layer_sizes == [784, 24, 12, 10]


def test_a_refused_onnx_model_leaves_the_window_as_it_was(window, tmp_path):
    path = tmp_path / "odd.onnx"
    onnx.save(onnx_mlp([784, 16, 10], output="tanh"), path)
    before = window.current_state
    assert not window.open_model(path)
    assert "odd.onnx" in window.banner.text.text() and "tanh" in window.banner.text.text()
    assert window.current_state is before


def test_saving_an_imported_model_asks_for_an_npz(window, tmp_path, monkeypatch):
    from nnviz.gui import model_files

    path = tmp_path / "m.onnx"
    onnx.save(onnx_mlp([784, 16, 10], hidden="relu", output="softmax"), path)
    assert window.open_model(path)
    asked = []

    def dialog(parent, title, default, filters):
        asked.append(default)
        return str(tmp_path / "chosen.npz"), filters

    monkeypatch.setattr(model_files.QFileDialog, "getSaveFileName", dialog)
    assert window.files.save()
    assert asked == [str(tmp_path / "m.npz")]
    assert np.array_equal(load_network(tmp_path / "chosen.npz").theta, window.current_state.theta)
    assert path.read_bytes() == onnx.load(path).SerializeToString()  # the ONNX file is untouched
