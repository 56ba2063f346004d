"""Test helpers: hand-built StepStates (``make_state(sizes)``, no trainer behind it), a save
killed midway (``kill_a_save_midway``) and ONNX models of dense layers built with ``onnx.helper``
(``onnx_mlp``)."""
import os
import signal
import subprocess
import sys
import textwrap

import numpy as np

from nnviz.core import Network, StepState
from nnviz.core.state import frozen


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def make_state(sizes, seed=0, step=0, session=0, x=None, probe_label=0) -> StepState:
    """A state of a sigmoid network with softmax outputs of layer ``sizes`` (input first): random
    weights W[l] (n_{l+1}, n_l) and biases, random gradients, and the probe pass of ``x`` (n_0,)
    (default: random in [0, 1]) computed here by hand, not by nnviz's Network."""
    rng = np.random.default_rng(seed)
    weights = [frozen(rng.normal(0, 1 / np.sqrt(n_in), (n_out, n_in)).astype(np.float32))
               for n_in, n_out in zip(sizes[:-1], sizes[1:])]
    biases = [frozen(rng.normal(0, 0.5, n_out).astype(np.float32)) for n_out in sizes[1:]]
    grad_w = [frozen(rng.normal(0, 0.01, W.shape).astype(np.float32)) for W in weights]
    grad_b = [frozen(rng.normal(0, 0.01, b.shape).astype(np.float32)) for b in biases]
    a = np.asarray(rng.uniform(0, 1, sizes[0]) if x is None else x, np.float32)
    activations, zs = [frozen(a)], []
    for i, (W, b) in enumerate(zip(weights, biases)):
        z = W @ a + b
        if i < len(weights) - 1:
            a = sigmoid(z)
        else:
            e = np.exp(z - z.max())
            a = e / e.sum()
        zs.append(frozen(z))
        activations.append(frozen(a))
    theta = frozen(np.concatenate([np.concatenate([W.ravel(), b]) for W, b in zip(weights, biases)]))
    config = Network(sizes, activation="sigmoid", loss="cross_entropy").frozen_config
    return StepState(step=step, epoch=0.0, loss=1.0, accuracy=0.5, weights=tuple(weights), biases=tuple(biases),
                     grad_weights=tuple(grad_w), grad_biases=tuple(grad_b),
                     grad_norms=frozen([np.linalg.norm(g) for g in grad_w]), activations=tuple(activations),
                     zs=tuple(zs), theta=theta, config=config, probe_label=probe_label, session=session)


def kill_a_save_midway(path, seed: int = 2) -> None:
    """Save a 784-16-16-10 network to ``path`` in a subprocess and SIGKILL it once its temporary is
    written, before the rename (as a crash or kill -9 would)."""
    script = textwrap.dedent(f"""
        import time, numpy as np
        from nnviz.core import Network, save_network
        real_savez = np.savez_compressed
        def slow_savez(fh, **arrays):
            real_savez(fh, **arrays)
            print("written", flush=True)
            time.sleep(60)  # killed here, before the rename
        np.savez_compressed = slow_savez
        save_network(Network([784, 16, 16, 10], seed={seed}), {str(path)!r})
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert proc.stdout.readline().strip() == "written"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdout.close()


#: onnx op of each activation name of onnx_mlp (None: no node, a linear layer).
ONNX_OPS = {"relu": "Relu", "sigmoid": "Sigmoid", "tanh": "Tanh", "leaky_relu": "LeakyRelu",
            "softmax": "Softmax", "linear": None}


def onnx_mlp(sizes, hidden="relu", output="linear", form="gemm", flatten=None, seed=0, opset=17):
    """An ONNX model of dense layers ``sizes`` (input first) built with ``onnx.helper``, as exporters
    write them: ``form="gemm"`` is ``torch.onnx.export``'s (Gemm, transB=1, weights (n_out, n_in)),
    ``"gemm_t"`` Gemm with transB=0, weights (n_in, n_out), alpha 2 and beta 0.5, ``"matmul"``
    Keras/tf2onnx's (MatMul of weights (n_in, n_out), then Add of the bias).  ``flatten``: None
    (input (batch, n_in)), "Flatten" or "Reshape" (input (batch, 1, h, w), flattened first; Reshape
    takes its shape from a Constant node).  Random weights; returns the ModelProto."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(seed)
    nodes, inits = [], []
    n_in = sizes[0]
    if flatten:
        side = int(round(np.sqrt(n_in)))
        x = helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", 1, side, n_in // side])
        if flatten == "Flatten":
            nodes.append(helper.make_node("Flatten", ["x"], ["flat"], axis=1))
        else:
            nodes.append(helper.make_node("Constant", [], ["shape"], value=numpy_helper.from_array(
                np.array([-1, n_in], np.int64), "shape_value")))
            nodes.append(helper.make_node("Reshape", ["x", "shape"], ["flat"]))
        current = "flat"
    else:
        x = helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", n_in])
        current = "x"
    last = len(sizes) - 2
    for l, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
        W = rng.normal(0, 1.5 / np.sqrt(a), (b, a)).astype(np.float32)
        bias = rng.normal(0, 0.5, b).astype(np.float32)
        out = f"z{l}"
        if form == "gemm":
            inits += [numpy_helper.from_array(W, f"W{l}"), numpy_helper.from_array(bias, f"b{l}")]
            nodes.append(helper.make_node("Gemm", [current, f"W{l}", f"b{l}"], [out], name=f"fc{l}", transB=1))
        elif form == "gemm_t":
            inits += [numpy_helper.from_array(np.ascontiguousarray(W.T), f"W{l}"),
                      numpy_helper.from_array(bias, f"b{l}")]
            nodes.append(helper.make_node("Gemm", [current, f"W{l}", f"b{l}"], [out], alpha=2.0, beta=0.5))
        else:
            inits += [numpy_helper.from_array(np.ascontiguousarray(W.T), f"W{l}"),
                      numpy_helper.from_array(bias, f"b{l}")]
            nodes.append(helper.make_node("MatMul", [current, f"W{l}"], [f"m{l}"]))
            nodes.append(helper.make_node("Add", [f"m{l}", f"b{l}"], [out]))
        current = out
        op = ONNX_OPS[output if l == last else hidden]
        if op is not None:
            nodes.append(helper.make_node(op, [current], [f"a{l}"], **({"axis": -1} if op == "Softmax" else {})))
            current = f"a{l}"
    nodes.append(helper.make_node("Identity", [current], ["y"]))
    y = helper.make_tensor_value_info("y", TensorProto.FLOAT, ["batch", sizes[-1]])
    graph = helper.make_graph(nodes, "mlp", [x], [y], inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model
