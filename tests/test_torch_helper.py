"""nnviz.torch.from_module: an nn.Sequential of dense layers as a Network (the tests that need
PyTorch skip without it), and PyTorch never imported unless asked for."""
import subprocess
import sys

import numpy as np
import pytest

from nnviz.core import ConfigError, load_network


def test_importing_the_helper_does_not_import_torch():
    proc = subprocess.run([sys.executable, "-c", "import sys, nnviz.torch, nnviz.core, nnviz.cli; "
                           "print('torch' in sys.modules)"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == "False", proc.stderr


def test_without_torch_the_message_says_what_to_install(monkeypatch):
    from nnviz.torch import from_module

    monkeypatch.setitem(sys.modules, "torch", None)
    with pytest.raises(ConfigError, match="needs PyTorch: pip install torch"):
        from_module(object())


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


@pytest.mark.parametrize("activation,name", [("ReLU", "relu"), ("Sigmoid", "sigmoid"), ("Tanh", "tanh"),
                                             ("LeakyReLU", "leaky_relu")])
def test_a_sequential_becomes_the_same_network(activation, name):
    torch = pytest.importorskip("torch")
    from nnviz.torch import from_module

    nn = torch.nn
    torch.manual_seed(0)
    model = nn.Sequential(nn.Flatten(), nn.Linear(784, 32), getattr(nn, activation)(), nn.Dropout(0.2),
                          nn.Linear(32, 16), getattr(nn, activation)(), nn.Linear(16, 10)).eval()
    net = from_module(model)
    assert net.sizes == [784, 32, 16, 10] and net.activation.name == name and net.output == "softmax"
    x = torch.rand(20, 1, 28, 28)
    with torch.no_grad():
        expected = softmax(model(x).double().numpy())  # logits: read through a softmax
    np.testing.assert_allclose(net.forward(x.reshape(20, 784).numpy()), expected, atol=1e-5)


def test_other_modules_are_refused_by_name():
    torch = pytest.importorskip("torch")
    from nnviz.torch import from_module

    nn = torch.nn
    with pytest.raises(ConfigError, match="module 0 is a Conv2d"):
        from_module(nn.Sequential(nn.Conv2d(1, 4, 3), nn.Flatten(), nn.Linear(2704, 10)))
    with pytest.raises(ConfigError, match="negative slope of 0.2"):
        from_module(nn.Sequential(nn.Linear(4, 3), nn.LeakyReLU(0.2), nn.Linear(3, 2)))


def test_torch_onnx_export_of_an_mlp_opens(tmp_path):
    torch = pytest.importorskip("torch")
    nn = torch.nn
    torch.manual_seed(1)
    model = nn.Sequential(nn.Linear(784, 24), nn.Sigmoid(), nn.Linear(24, 10), nn.Softmax(dim=1)).eval()
    path = tmp_path / "model.onnx"
    try:
        torch.onnx.export(model, torch.zeros(1, 784), str(path))  # the README's one-liner
    except ImportError as e:  # newer torch exports with onnxscript
        pytest.skip(f"torch.onnx.export needs {e.name}")
    net = load_network(path)
    x = torch.rand(8, 784)
    with torch.no_grad():
        expected = model(x).double().numpy()
    np.testing.assert_allclose(net.forward(x.numpy()), expected, atol=1e-5)


def test_a_state_dict_saved_by_torch_is_refused_with_the_export(tmp_path):
    torch = pytest.importorskip("torch")
    from nnviz.core import ModelFileError

    path = tmp_path / "weights.pth"
    torch.save(torch.nn.Linear(784, 10).state_dict(), path)
    with pytest.raises(ModelFileError, match=r"torch\.onnx\.export\("):
        load_network(path)
