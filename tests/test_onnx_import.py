"""Models from elsewhere: ONNX files of dense layers become nnviz networks, whose outputs equal
onnx's own reference evaluator's; anything else is refused in one line naming what it is."""
import sys
import zipfile

import numpy as np
import onnx
import pytest
from onnx import helper, numpy_helper
from onnx.reference import ReferenceEvaluator

from factories import onnx_mlp
from nnviz.core import ModelFileError, Trainer, datasets, load_network


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def saved(model, tmp_path, name="m.onnx"):
    path = tmp_path / name
    onnx.save(model, path)
    return path


def inputs(n, shape, seed=1):
    return np.random.default_rng(seed).normal(0, 1.5, (n, *shape)).astype(np.float32)


@pytest.mark.parametrize("form", ["gemm", "gemm_t", "matmul"])
@pytest.mark.parametrize("hidden", ["relu", "sigmoid", "tanh", "leaky_relu"])
@pytest.mark.parametrize("output", ["softmax", "sigmoid", "linear"])
def test_outputs_equal_the_reference_evaluators(tmp_path, form, hidden, output):
    model = onnx_mlp([12, 9, 7, 4], hidden=hidden, output=output, form=form)
    net, meta = load_network(saved(model, tmp_path), with_metadata=True)
    assert net.sizes == [12, 9, 7, 4] and net.activation.name == hidden
    X = inputs(64, (12,))
    expected = ReferenceEvaluator(model).run(None, {"x": X})[0]
    if output == "linear":  # logits of 4 classes: read through a softmax, said in the metadata
        expected = softmax(expected)
        assert "softmax" in meta["imported"] and net.output == "softmax"
    else:
        assert net.output == output and "read through" not in meta["imported"]
    np.testing.assert_allclose(net.forward(X), expected, atol=1e-5)


@pytest.mark.parametrize("flatten", ["Flatten", "Reshape"])
@pytest.mark.parametrize("form", ["gemm", "matmul"])
def test_images_flattened_first_read_as_their_pixels(tmp_path, flatten, form):
    model = onnx_mlp([784, 16, 10], hidden="relu", output="softmax", form=form, flatten=flatten)
    net = load_network(saved(model, tmp_path))
    images = inputs(8, (1, 28, 28))
    expected = ReferenceEvaluator(model).run(None, {"x": images})[0]
    np.testing.assert_allclose(net.forward(images.reshape(8, 784)), expected, atol=1e-5)


def as_constants(model):
    """The same model with every weight in a Constant node (as some exporters write them), the first
    layer's through a Transpose (as torch's dynamo exporter writes a Linear: MatMul(x, W^T))."""
    graph = model.graph
    nodes = [helper.make_node("Constant", [], [t.name], value=t) for t in graph.initializer]
    first = graph.node[0]
    W = numpy_helper.to_array(graph.initializer[0])
    nodes[0] = helper.make_node("Constant", [], ["W0_rows"], value=numpy_helper.from_array(
        np.ascontiguousarray(W.T), "W0_rows"))
    nodes.append(helper.make_node("Transpose", ["W0_rows"], [first.input[1]], perm=[1, 0]))
    rest = list(graph.node)
    new = helper.make_graph(nodes + rest, "mlp", list(graph.input), list(graph.output))
    return helper.make_model(new, opset_imports=list(model.opset_import))


def test_weights_in_constant_and_transpose_nodes(tmp_path):
    model = as_constants(onnx_mlp([6, 5, 3], hidden="tanh", output="softmax", form="matmul"))
    onnx.checker.check_model(model)
    net = load_network(saved(model, tmp_path))
    X = inputs(10, (6,))
    np.testing.assert_allclose(net.forward(X), ReferenceEvaluator(model).run(None, {"x": X})[0], atol=1e-5)


def test_an_imported_network_trains(tmp_path):
    net = load_network(saved(onnx_mlp([2, 8, 2], hidden="tanh", output="linear", seed=3), tmp_path))
    data = datasets.load("xor")
    trainer = Trainer(net, data, optimizer="adam", lr=0.05, batch_size=32, seed=0)
    before = trainer.evaluate().loss
    for _ in range(200):
        trainer.step()
    assert trainer.evaluate().loss < before


def one_line(error) -> str:
    text = str(error.value)
    assert "\n" not in text
    return text


def with_node(model, op, *attrs_and_inputs, position=0, **attrs):
    """``model`` with a node ``op`` on the data at ``position`` (0: right after the input)."""
    graph = model.graph
    nodes = list(graph.node)
    source = "x" if position == 0 else nodes[position - 1].output[0]
    node = helper.make_node(op, [source, *attrs_and_inputs], ["inserted"], **attrs)
    for later in nodes[position:]:
        later.input[:] = ["inserted" if name == source else name for name in later.input]
    nodes.insert(position, node)
    new = helper.make_graph(nodes, "mlp", list(graph.input), list(graph.output), list(graph.initializer))
    return helper.make_model(new, opset_imports=list(model.opset_import))


def test_a_conv_is_refused_naming_it(tmp_path):
    model = onnx_mlp([784, 16, 10], flatten="Flatten")
    graph = model.graph
    kernel = numpy_helper.from_array(np.ones((1, 1, 3, 3), np.float32), "kernel")
    conv = helper.make_node("Conv", ["x", "kernel"], ["conv"], name="conv1", pads=[1, 1, 1, 1])
    graph.node[0].input[0] = "conv"
    nodes = [conv, *graph.node]
    new = helper.make_graph(nodes, "cnn", list(graph.input), list(graph.output), [*graph.initializer, kernel])
    path = saved(helper.make_model(new, opset_imports=list(model.opset_import)), tmp_path, "cnn.onnx")
    with pytest.raises(ModelFileError) as error:
        load_network(path)
    text = one_line(error)
    assert "cnn.onnx" in text and "Conv" in text and "conv1" in text


def test_the_first_unsupported_operator_is_named(tmp_path):
    model = with_node(onnx_mlp([4, 3, 2]), "Sub", "mean", position=0)
    model.graph.initializer.append(numpy_helper.from_array(np.zeros(4, np.float32), "mean"))
    model = with_node(model, "BatchNormalization", position=3)
    with pytest.raises(ModelFileError) as error:
        load_network(saved(model, tmp_path))
    assert "operator Sub" in one_line(error) and "BatchNormalization" not in one_line(error)


@pytest.mark.parametrize("build,fragment", [
    (lambda: onnx_mlp([4, 3, 2], output="tanh"), "output goes through tanh"),
    (lambda: with_node(onnx_mlp([4, 3, 3, 2], form="matmul"), "Sigmoid", position=3), "two activations"),
    (lambda: with_node(onnx_mlp([4, 3, 2], hidden="linear"), "LeakyRelu", position=1, alpha=0.3),
     "negative slope of 0.3"),
    (lambda: with_node(onnx_mlp([4, 3, 2], hidden="linear"), "Relu", position=0), "before any dense layer"),
])
def test_what_nnviz_cannot_show_is_refused(tmp_path, build, fragment):
    with pytest.raises(ModelFileError) as error:
        load_network(saved(build(), tmp_path))
    assert fragment in one_line(error)


def test_mixed_hidden_activations_are_refused(tmp_path):
    model = onnx_mlp([4, 3, 3, 2], hidden="relu", form="gemm")
    relu = next(node for node in model.graph.node if node.op_type == "Relu")
    relu.op_type = "Tanh"
    with pytest.raises(ModelFileError) as error:
        load_network(saved(model, tmp_path))
    assert "different activations (tanh, relu)" in one_line(error)


def test_without_onnx_the_message_says_what_to_install(tmp_path, monkeypatch):
    path = saved(onnx_mlp([4, 3, 2]), tmp_path)
    monkeypatch.setitem(sys.modules, "onnx", None)  # `import onnx` now raises ImportError
    with pytest.raises(ModelFileError) as error:
        load_network(path)
    assert 'pip install "nnviz[onnx]"' in one_line(error) and "m.onnx" in one_line(error)


def test_a_file_that_is_not_onnx_is_refused(tmp_path):
    path = tmp_path / "notes.onnx"
    path.write_bytes(b"\xff\xfe not a protobuf \x00\x01")
    with pytest.raises(ModelFileError) as error:
        load_network(path)
    assert "notes.onnx" in one_line(error)


def torch_save_archive(path):
    """What ``torch.save(model.state_dict(), path)`` writes: a zip holding a pickle, data.pkl."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("archive/data.pkl", b"\x80\x02}q\x00.")
        archive.writestr("archive/version", b"3\n")
        archive.writestr("archive/data/0", b"\x00" * 16)


@pytest.mark.parametrize("name", ["model.pt", "weights.pth", "state_dict.npz"])
def test_a_pytorch_file_is_not_loaded_and_the_export_is_given(tmp_path, name):
    path = tmp_path / name
    torch_save_archive(path)
    with pytest.raises(ModelFileError) as error:
        load_network(path)
    text = one_line(error)
    assert name in text and "PyTorch" in text and "torch.onnx.export(" in text and "never loads" in text


def test_an_old_style_pytorch_pickle_is_not_loaded(tmp_path):
    path = tmp_path / "legacy.pth"
    path.write_bytes(b"\x80\x02\x8a\nl\xfc\x9cF\xf9 j\xa8P\x19.")  # torch's legacy pickle magic
    with pytest.raises(ModelFileError) as error:
        load_network(path)
    assert "torch.onnx.export(" in one_line(error)
