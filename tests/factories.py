"""Test helpers: hand-built StepStates (``make_state(sizes)``, no trainer behind it) and a save
killed midway (``kill_a_save_midway``)."""
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
