"""`nnviz eval` and `nnviz predict` take an ONNX model (run as a user runs them, in a subprocess)."""
import json
import subprocess
import sys

import numpy as np
import onnx
from onnx.reference import ReferenceEvaluator

from factories import onnx_mlp
from nnviz.core import datasets, evaluate, load_network, preprocess_drawing


def nnviz(*argv):
    return subprocess.run([sys.executable, "-m", "nnviz", *argv], capture_output=True, text=True, timeout=120)


def test_eval_and_predict_an_onnx_model(tmp_path):
    from PySide6.QtGui import QImage

    from nnviz.gui.image_files import load_image

    model = onnx_mlp([784, 32, 10], hidden="relu", output="softmax", form="matmul", seed=2)
    path = tmp_path / "m.onnx"
    onnx.save(model, path)
    proc = nnviz("eval", "--model", str(path), "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    expected = evaluate(load_network(path), datasets.load("digits"))
    assert result["samples"] == expected.samples
    assert abs(result["accuracy"] - expected.accuracy) < 1e-9
    image = tmp_path / "digit.png"
    grey = np.ascontiguousarray((datasets.load("digits").X_test[3].reshape(28, 28) * 255).astype(np.uint8))
    assert QImage(grey.data, 28, 28, 28, QImage.Format_Grayscale8).save(str(image))
    proc = nnviz("predict", "--model", str(path), str(image), "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    x = preprocess_drawing(load_image(image)).reshape(1, 784)  # what predict reads from the file
    reference = ReferenceEvaluator(model).run(None, {"x": x.astype(np.float32)})[0][0]
    assert result["digit"] == int(np.argmax(reference))
    np.testing.assert_allclose(result["probabilities"], reference, atol=1e-5)


def test_an_unsupported_onnx_model_exits_2_naming_the_operator(tmp_path):
    from onnx import helper

    model = onnx_mlp([4, 3, 2])
    graph = model.graph
    graph.node[0].input[0] = "pooled"
    nodes = [helper.make_node("MaxPool", ["x"], ["pooled"], kernel_shape=[1]), *graph.node]
    new = helper.make_graph(nodes, "g", list(graph.input), list(graph.output), list(graph.initializer))
    path = tmp_path / "pool.onnx"
    onnx.save(helper.make_model(new, opset_imports=list(model.opset_import)), path)
    proc = nnviz("eval", "--model", str(path), "--dataset", "xor")
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "MaxPool" in lines[0] and "pool.onnx" in lines[0], proc.stderr
