"""Read an ONNX model of dense layers (what ``torch.onnx.export`` of an ``nn.Sequential`` MLP and a
Keras dense model give) into a :class:`Network`.  No Qt; needs the optional ``onnx`` package
(``pip install "nnviz[onnx]"``).

Read: ``Gemm`` (any ``transB``, ``alpha``, ``beta``; no ``transA``) or ``MatMul`` with its bias
``Add`` as a dense layer, ``Relu``, ``Sigmoid``, ``Tanh``, ``LeakyRelu`` (slope 0.01), ``Softmax``
(last axis) as its activation, ``Flatten`` or a ``Reshape`` to (batch, features) of the input,
``Identity``, and ``Constant`` / ``Transpose`` / ``Identity`` of constants (folded).  Weights come
as initializers or constants in either layout: (n_out, n_in) with ``transB=1`` (PyTorch's
``Linear``) or (n_in, n_out) (Keras' ``Dense``).  Anything else is refused in one line naming the
first unsupported operator.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from .errors import QT_TRANSLATE_NOOP, Message, ModelFileError
from .mlp_import import LayerChain
from .network import Network
from .paths import os_reason, readable_file

ACTIVATIONS = {"Relu": "relu", "Sigmoid": "sigmoid", "Tanh": "tanh", "LeakyRelu": "leaky_relu",
               "Softmax": "softmax"}
SUPPORTED = ("Gemm", "MatMul", "Add", *ACTIVATIONS, "Flatten", "Reshape", "Identity", "Constant", "Transpose")
INSTALL = QT_TRANSLATE_NOOP("Errors", 'reading ONNX models needs the onnx package: pip install "nnviz[onnx]" '
                                      '(or pip install onnx)')


def _onnx():
    try:
        import onnx
        from onnx import numpy_helper
    except ImportError:
        return None, None
    return onnx, numpy_helper


def load_onnx(path) -> tuple[Network, str]:
    """The network an ONNX file holds, and a sentence on how it was read.  Raises ModelFileError
    naming the file and the problem (onnx missing, not an ONNX model, an unsupported operator...)."""
    path = readable_file(Path(path), ModelFileError, Message(QT_TRANSLATE_NOOP("Errors", "ONNX model (.onnx)")))
    onnx, numpy_helper = _onnx()
    if onnx is None:
        raise ModelFileError(QT_TRANSLATE_NOOP("Errors", "{path}: {why}"), path=path, why=Message(INSTALL))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ModelFileError(QT_TRANSLATE_NOOP("Errors", "{path}: cannot be read: {reason}"), path=path,
                             reason=os_reason(exc)) from None
    try:
        model = onnx.load_model_from_string(data)
    except Exception as exc:  # noqa: BLE001 - protobuf raises several types for a file that is not ONNX
        raise ModelFileError(QT_TRANSLATE_NOOP("Errors", "{path}: not a readable ONNX model ({kind})"), path=path,
                             kind=type(exc).__name__) from None
    net, described = read_graph(model.graph, str(path), numpy_helper)
    return net, Message(QT_TRANSLATE_NOOP("Errors", "{name} (ONNX): {described}"), name=path.name, described=described)


def _attributes(node) -> dict:
    from onnx import helper

    return {a.name: helper.get_attribute_value(a) for a in node.attribute}


def _constant(node, numpy_helper) -> np.ndarray:
    attrs = _attributes(node)
    if "value" in attrs:
        return numpy_helper.to_array(attrs["value"])
    for key in ("value_float", "value_floats", "value_int", "value_ints"):
        if key in attrs:
            return np.asarray(attrs[key])
    raise KeyError(", ".join(attrs) or "no value")


def read_graph(graph, source: str, numpy_helper) -> tuple[Network, str]:
    """Walk ``graph``'s nodes (topologically ordered, as ONNX requires) along the one path from its
    input to its output; see the module's docstring for what is read."""
    chain = LayerChain(source)
    try:
        constants = {init.name: numpy_helper.to_array(init) for init in graph.initializer}
    except Exception as exc:  # noqa: BLE001 - external or malformed tensor data
        raise chain.refuse(QT_TRANSLATE_NOOP("Errors", "its weights cannot be read ({kind}: {detail})"),
                           kind=type(exc).__name__, detail=str(exc)) from None
    inputs = [i for i in graph.input if i.name not in constants]
    if len(inputs) != 1 or len(graph.output) != 1:
        raise chain.refuse(QT_TRANSLATE_NOOP("Errors", "has {inputs} inputs and {outputs} outputs: nnviz reads a "
                                                       "model with one of each"),
                           inputs=len(inputs), outputs=len(graph.output))
    features = _features(inputs[0])
    chain.rank = len(inputs[0].type.tensor_type.shape.dim)
    current = inputs[0].name
    open_bias = False  # the last layer is a MatMul whose bias Add may follow
    for node in graph.node:
        op = node.op_type
        where = (Message(QT_TRANSLATE_NOOP("Errors", "{op} (node {name})"), op=op, name=repr(node.name))
                 if node.name else op)
        if op not in SUPPORTED:
            raise chain.refuse(QT_TRANSLATE_NOOP("Errors", "operator {where} is not supported: nnviz reads dense "
                                                           "layers (Gemm, MatMul+Add) with Relu, Sigmoid, Tanh, "
                                                           "LeakyRelu or Softmax"), where=where)
        if node.domain not in ("", "ai.onnx"):
            raise chain.refuse(QT_TRANSLATE_NOOP("Errors", "operator {where} of domain {domain} is not supported"),
                               where=where, domain=repr(node.domain))
        try:
            if op == "Constant":
                constants[node.output[0]] = _constant(node, numpy_helper)
                continue
            if all(name in constants for name in node.input if name) and op in ("Identity", "Transpose"):
                value = constants[node.input[0]]
                perm = _attributes(node).get("perm")
                constants[node.output[0]] = value if op == "Identity" else np.transpose(value, perm)
                continue
        except Exception as exc:  # noqa: BLE001 - a malformed constant
            raise chain.refuse(QT_TRANSLATE_NOOP("Errors", "{where} holds no readable constant ({kind}: {detail})"),
                               where=where, kind=type(exc).__name__, detail=str(exc)) from None
        data = [name for name in node.input if name and name not in constants]
        if data != [current] or node.input[0] != current and op not in ("Add", "MatMul"):
            raise chain.refuse(QT_TRANSLATE_NOOP("Errors", "{where} is not on a single chain from the input to the "
                                                           "output: nnviz reads one layer after another"), where=where)
        others = [constants[name] for name in node.input if name and name != current]
        attrs = _attributes(node)
        if op == "Gemm":
            _gemm(chain, node, where, attrs, others, features)
        elif op == "MatMul":
            if node.input[0] != current or others[0].ndim != 2:
                raise chain.refuse(QT_TRANSLATE_NOOP("Errors", "{where} is not input x weights (batch, n_in) @ "
                                                               "(n_in, n_out)"), where=where)
            _check_inputs(chain, features, others[0].shape[0], where)
            chain.dense(others[0].T)
        elif op == "Add":
            if not open_bias:
                raise chain.refuse(QT_TRANSLATE_NOOP("Errors", "{where} is not the bias of a MatMul: nnviz reads no "
                                                               "other additions"), where=where)
            chain.add_bias(others[0])
        elif op in ACTIVATIONS:
            if op == "Softmax" and attrs.get("axis", -1) not in (-1, 1):
                raise chain.refuse(QT_TRANSLATE_NOOP("Errors", "{where} over axis {axis}: nnviz's softmax is over the "
                                                               "outputs"), where=where, axis=attrs["axis"])
            chain.activation(ACTIVATIONS[op], op, attrs.get("alpha", 0.01) if op == "LeakyRelu" else None)
        elif op in ("Flatten", "Reshape"):
            _flatten(chain, where, attrs, others, features)
        elif op == "Transpose":
            raise chain.refuse(QT_TRANSLATE_NOOP("Errors", "{where} of the data: nnviz reads no transposed inputs"),
                               where=where)
        open_bias = op == "MatMul"
        current = node.output[0]
    if graph.output[0].name != current:
        raise chain.refuse(QT_TRANSLATE_NOOP("Errors", "its output {name} is not the end of its chain of layers"),
                           name=repr(graph.output[0].name))
    net, described = chain.network()
    if features is not None and features != net.sizes[0]:
        raise chain.refuse(QT_TRANSLATE_NOOP("Errors", "its input has {features} values but its first layer takes "
                                                       "{n_in}"), features=features, n_in=net.sizes[0])
    return net, described


def _features(value_info) -> int | None:
    """Values per sample of the graph's input (batch, ...) when its shape is known, else None."""
    dims = value_info.type.tensor_type.shape.dim
    sizes = [d.dim_value if d.HasField("dim_value") else None for d in dims]
    if len(sizes) < 2 or any(s is None for s in sizes[1:]):
        return None
    return int(np.prod(sizes[1:]))


def _check_inputs(chain: LayerChain, features: int | None, n_in: int, where: str) -> None:
    """Before the first layer: the data must be (batch, n_in) or flattened to it."""
    if chain.layers:
        return
    if chain.rank > 2 and not chain.flattened:
        raise chain.refuse(QT_TRANSLATE_NOOP("Errors", "{where} on inputs of {rank} dimensions: nnviz reads (batch, "
                                                       "features), or a Flatten of images before the first layer"),
                           where=where, rank=chain.rank)
    if features is not None and n_in != features:
        raise chain.refuse(QT_TRANSLATE_NOOP("Errors", "{where} takes {n_in} inputs but the model's input has "
                                                       "{features} values per sample"),
                           where=where, n_in=n_in, features=features)


def _gemm(chain: LayerChain, node, where: str, attrs: dict, others: list, features) -> None:
    """Gemm: Y = alpha A B' + beta C, A the data (batch, n_in), B' = B.T when transB."""
    if attrs.get("transA", 0):
        raise chain.refuse(QT_TRANSLATE_NOOP("Errors", "{where} with transA: nnviz reads the data as Gemm's first "
                                                       "input"), where=where)
    B = others[0]
    if B.ndim != 2:
        raise chain.refuse(QT_TRANSLATE_NOOP("Errors", "{where} has weights of shape {shape}, not a matrix"),
                           where=where, shape=B.shape)
    W = (B if attrs.get("transB", 0) else B.T) * attrs.get("alpha", 1.0)
    _check_inputs(chain, features, W.shape[1], where)
    chain.dense(W, others[1] * attrs.get("beta", 1.0) if len(others) > 1 else None)


def _flatten(chain: LayerChain, where: str, attrs: dict, others: list, features: int | None) -> None:
    """Flatten (axis 1) or Reshape to (batch, -1) / (batch, features): of the input, or of a layer's
    outputs (batch, n), which it leaves as they are."""
    if where.startswith("Flatten"):
        if attrs.get("axis", 1) != 1:
            raise chain.refuse(QT_TRANSLATE_NOOP("Errors", "{where} with axis {axis}: nnviz flattens each sample "
                                                           "(axis 1)"), where=where, axis=attrs["axis"])
    else:
        shape = [int(s) for s in others[0].reshape(-1)] if others else []
        width = chain.layers[-1].W.shape[0] if chain.layers else features
        if len(shape) != 2 or shape[1] != -1 and width is not None and shape[1] != width:
            raise chain.refuse(QT_TRANSLATE_NOOP("Errors", "{where} to shape {shape}: nnviz reads a flatten to "
                                                           "(batch, features) only"), where=where, shape=shape)
    if not chain.layers:
        chain.flatten()
