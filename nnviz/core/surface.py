"""Loss surfaces: analytic 2-D landscapes, the optimiser race, and 2-D slices of a real network's loss.

* ``SURFACES``: bowl, ravine, saddle, minima, plateau, each ``f(w1, w2)`` and its gradient.
* :class:`Race`: several optimisers (nnviz.core.optimizers, torch's rules) from one start.
* :func:`pca_plane` / :func:`random_plane`: a plane through the current parameters, spanned by the
  trajectory's top two principal directions (or filter-normalised random directions, Li et al. 2018).
* :func:`plane_loss_grid`: the loss over a grid on such a plane, row by row, interruptible.
* :func:`two_weight_grid`: the exact loss over two chosen parameters with the rest fixed.
* :func:`exact_surface`: those two parameters as a :class:`Surface` (value and gradient), so the race
  can run on a real model: :func:`neuron_surface` (y = w x + b on the ``line`` data) and
  :func:`zhou_surface` (w1 and w5 of Zhou's 2-2-1 network, the other seven at a trained solution).
* :func:`losses_at`: the loss at many parameter vectors at once (batched forward pass).
* :func:`network_race`: the optimisers racing on a real network from one start, on the same batches.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from . import optimizers
from .activations import ACTIVATIONS, softmax
from .network import Network
from .trainer import Trainer


@dataclass(frozen=True)
class Surface:
    """An analytic landscape: ``f(w1, w2)`` and ``grad(w1, w2) -> (d/dw1, d/dw2)`` on arrays."""

    name: str
    f: Callable
    grad: Callable
    start: tuple
    extent: tuple  # (w1_min, w1_max, w2_min, w2_max)
    text: str
    axes: tuple = ("w1", "w2")
    runners: tuple | None = None  # (label, optimiser, lr, settings) each; None: RUNNERS


def _minima_f(x, y):
    return (-np.exp(-((x - 1) ** 2 + (y - 1) ** 2)) - 0.7 * np.exp(-((x + 1.3) ** 2 + (y + 0.6) ** 2) / 0.6)
            + 0.05 * (x * x + y * y))


def _minima_grad(x, y):
    g1 = np.exp(-((x - 1) ** 2 + (y - 1) ** 2))
    g2 = 0.7 * np.exp(-((x + 1.3) ** 2 + (y + 0.6) ** 2) / 0.6)
    return (2 * (x - 1) * g1 + g2 * 2 * (x + 1.3) / 0.6 + 0.1 * x,
            2 * (y - 1) * g1 + g2 * 2 * (y + 0.6) / 0.6 + 0.1 * y)


SURFACES = {s.name: s for s in (
    Surface("bowl", lambda x, y: x * x + y * y, lambda x, y: (2 * x, 2 * y), (1.6, 1.2), (-2, 2, -2, 2),
            "A round bowl: every direction curves the same, so gradient descent heads straight to the bottom."),
    Surface("ravine", lambda x, y: 0.05 * x * x + 2 * y * y, lambda x, y: (0.1 * x, 4 * y), (-1.9, 0.9),
            (-2, 2, -1, 1),
            "A long narrow valley, 40 times steeper across than along. Plain SGD, with a step small enough "
            "for the steep walls, crawls along the nearly flat floor; momentum gathers speed along it (and swings "
            "across it), RMSProp and Adam scale each direction and run along it."),
    Surface("saddle", lambda x, y: x * x - y * y + 0.25 * y ** 4, lambda x, y: (2 * x, -2 * y + y ** 3),
            (1.8, 0.02), (-2, 2, -2.2, 2.2),
            "A saddle: a minimum along w1, a maximum along w2. Started almost on the ridge, the gradient "
            "barely says which way to fall; the balls linger before rolling off to a valley."),
    Surface("minima", _minima_f, _minima_grad, (-0.2, 2.2), (-2.5, 2.5, -2, 2.8),
            "Two valleys: which one a ball ends in depends on where it starts and how it carries speed."),
    Surface("plateau", lambda x, y: 1 - np.exp(-(x * x + y * y) / 2),
            lambda x, y: (x * np.exp(-(x * x + y * y) / 2), y * np.exp(-(x * x + y * y) / 2)), (2.6, 2.2),
            (-3, 3, -3, 3),
            "A plateau: far from the minimum the ground is almost flat, the gradient tiny; plain SGD crawls, "
            "Adam's per-parameter scaling strides across."),
)}

#: The race's runners: (label, optimiser, learning rate, settings).
RUNNERS = (("SGD", "sgd", 0.05, {}), ("momentum", "momentum", 0.05, {"momentum": 0.9}),
           ("RMSProp", "rmsprop", 0.02, {}), ("Adam", "adam", 0.05, {}))


class Race:
    """Balls rolling down ``surface`` from one start, one per runner; ``step()`` moves them all."""

    def __init__(self, surface: Surface, runners=None, start=None):
        self.surface = surface
        runners = runners or surface.runners or RUNNERS
        self.labels = [r[0] for r in runners]
        self.optimizers = [optimizers.make(name, lr, **settings) for _, name, lr, settings in runners]
        start = np.array(surface.start if start is None else start, float)
        self.positions = [start.copy() for _ in runners]
        self.trails = [[start.copy()] for _ in runners]
        self.previous = [start.copy() for _ in runners]
        self.steps = 0

    def gradient(self, w: np.ndarray) -> np.ndarray:
        return np.array(self.surface.grad(w[0], w[1]), float)

    def step(self) -> None:
        for i, opt in enumerate(self.optimizers):
            w = self.positions[i]
            new = opt.step(w, self.gradient(w))
            if new is not None:
                self.previous[i] = w
                self.positions[i] = new
                self.trails[i].append(new.copy())
        self.steps += 1

    def velocity(self, i: int) -> np.ndarray:
        """The last move of ball i (its velocity, for momentum and Adam)."""
        return self.positions[i] - self.previous[i]

    def losses(self) -> list[float]:
        return [float(self.surface.f(w[0], w[1])) for w in self.positions]


def grid(extent, n: int = 41):
    """(w1 (n,), w2 (n,)) axis values over extent = (w1_min, w1_max, w2_min, w2_max)."""
    return np.linspace(extent[0], extent[1], n), np.linspace(extent[2], extent[3], n)


#: Work a network's loss surface may take (multiply-adds, see ``surface_resolution``): 784-16-16-10's
#: and 784-128-64-10's full 41 x 41 grids on 512 samples take 0.4 G and 7.6 G.
SURFACE_WORK = 8e9


def surface_resolution(sizes, n_samples: int, grid: int = 41, samples: int = 512, min_grid: int = 15,
                       min_samples: int = 32) -> tuple[int, int]:
    """(grid points per side, training samples) for a loss surface of a network of layer ``sizes``
    with ``n_samples`` training samples available, within SURFACE_WORK multiply-adds.

    ``plane_loss_grid`` computes the first layer once per plane, then at every grid point the later
    layers' weights (3 operations each) and every sample's pass through them: grid**2 * (samples + 3)
    * (weights after the first layer).  Fewer samples go first (down to ``min_samples``), then a
    coarser grid (odd, down to ``min_grid``): 784-512-512-512-10 gets 19 x 19 on 32 samples (7 G)
    where 41 x 41 on 512 samples took 460 G, minutes of a core.
    """
    later = sum(a * b for a, b in zip(sizes[1:-1], sizes[2:])) or 1
    samples = min(samples, n_samples)
    fit = int(SURFACE_WORK // (grid * grid * later)) - 3
    if fit >= samples:
        return grid, samples
    samples = max(min(samples, min_samples), fit)
    side = int(np.sqrt(SURFACE_WORK / ((samples + 3) * later)))
    return max(min_grid, min(grid, side - (side + 1) % 2)), samples  # odd: the centre is a grid point


def analytic_grid(surface: Surface, n: int = 81) -> np.ndarray:
    """(n, n) values, rows along w2, columns along w1."""
    w1, w2 = grid(surface.extent, n)
    return surface.f(w1[None, :], w2[:, None])


# --------------------------------------------------------------------- real networks
@dataclass
class Plane:
    """theta = center + a * d1 + b * d2.

    center, d1, d2: (P,); explained: fractions of the trajectory's variance along d1 and d2
    (None for random directions, which need not be orthogonal: ``project`` is least squares).
    """

    center: np.ndarray
    d1: np.ndarray
    d2: np.ndarray
    explained: tuple | None

    def project(self, theta: np.ndarray) -> tuple[float, float]:
        """Least-squares (a, b) of ``theta`` (P,) on the plane.

        float32 parameters are projected in float32 (2-4x faster on big networks; the centre of a
        float32 network's plane is itself float32, so ``theta - center`` loses nothing).
        """
        theta = np.asarray(theta)
        if theta.dtype == np.float32:
            P, center = self._single()
            ab = P @ (theta - center)
        else:
            ab = self.projector @ (np.asarray(theta, float) - self.center)
        return float(ab[0]), float(ab[1])

    def project_layers(self, pieces) -> tuple[float, float]:
        """(a, b) of a direction given as per-layer pieces laid out like theta, ``[W0, b0, W1, b1, ...]``
        (the rest of theta, normalisation parameters, taken as zero): a gradient, without building it."""
        pieces = [np.asarray(x) for x in pieces]
        P = self._single()[0] if pieces and pieces[0].dtype == np.float32 else self.projector
        ab, offset = np.zeros(2), 0
        for x in pieces:
            ab += P[:, offset:offset + x.size] @ x.ravel()
            offset += x.size
        return float(ab[0]), float(ab[1])

    @property
    def projector(self) -> np.ndarray:
        """(2, P): the pseudo-inverse of [d1 d2], computed once."""
        if getattr(self, "_projector", None) is None:
            self._projector = np.linalg.pinv(np.stack([self.d1, self.d2], 1))
        return self._projector

    def _single(self):
        """The projector and centre in float32, computed once."""
        if getattr(self, "_projector32", None) is None:
            self._projector32 = (np.ascontiguousarray(self.projector, np.float32), self.center.astype(np.float32))
        return self._projector32

    def point(self, a: float, b: float) -> np.ndarray:
        return self.center + a * self.d1 + b * self.d2


#: Columns of a path handled at a time when a plane is fitted or the path projected: a few MB of
#: temporaries whatever the network's size (a float64 copy of a 400-point path of 784-512-512-512-10
#: would take 3 GB).
PATH_CHUNK = 1 << 16


def centred_chunks(rows, center: np.ndarray, chunk: int | None = None):
    """Yield (slice, (n, w) float64 ``rows[:, slice] - center[slice]``) over the P columns of ``rows``
    (n arrays of (P,), or an (n, P) array) in slices of ``chunk`` columns (default PATH_CHUNK)."""
    center, chunk = np.asarray(center, float), chunk or PATH_CHUNK
    for start in range(0, len(center), chunk):
        part = slice(start, min(len(center), start + chunk))
        yield part, np.array([np.asarray(r)[part] for r in rows], float) - center[part]


def project_rows(rows, center: np.ndarray, directions: np.ndarray) -> np.ndarray:
    """(n, k) ``(rows - center) @ directions.T`` of n rows (P,) onto k directions (k, P), in chunks."""
    out = np.zeros((len(rows), len(directions)))
    for part, M in centred_chunks(rows, center):
        out += M @ np.asarray(directions)[:, part].T
    return out


def pca_plane(trajectory, center: np.ndarray) -> Plane:
    """The plane through ``center`` (P,) along the top two principal directions of
    ``trajectory`` (n, P) (an array, or n arrays of (P,)) relative to it (Li et al. 2018, section 7)."""
    n, P = len(trajectory), len(center)
    # From the (n, n) Gram matrix M M^T, not an SVD of M: the same directions in a fraction of the
    # memory and time (n = 400, P = 13,002: 49 MB and 47 ms, where the SVD took 189 MB and 0.8 s),
    # M's columns a chunk at a time.
    gram = np.zeros((n, n))
    for _, M in centred_chunks(trajectory, center):
        gram += M @ M.T
    var, U = np.linalg.eigh(gram)  # ascending (n,), eigenvectors (n, n)
    var, U = np.clip(var[::-1], 0, None), U[:, ::-1]
    total = float(var.sum())
    if len(var) >= 2 and var[1] > 1e-12 * total > 0:
        d = np.zeros((2, P))
        for part, M in centred_chunks(trajectory, center):
            d[:, part] = U[:, :2].T @ M  # (2, w): the directions, of length sqrt(var)
        d1, d2 = d
        return Plane(np.array(center, float), d1 / np.linalg.norm(d1), d2 / np.linalg.norm(d2),
                     (float(var[0] / total), float(var[1] / total)))
    # Fewer than two directions of movement: the SVD still gives orthonormal ones.
    M = np.array(trajectory, dtype=float)
    M -= center
    _, s, Vt = np.linalg.svd(M, full_matrices=False)
    var = s ** 2
    explained = tuple(float(v / var.sum()) for v in var[:2]) if var.sum() > 0 else (0.0, 0.0)
    d2 = Vt[1] if len(Vt) > 1 else np.zeros_like(Vt[0])
    return Plane(np.array(center, float), Vt[0].copy(), d2.copy(), explained)


def random_plane(net: Network, seed: int = 0) -> Plane:
    """Two random directions, filter-normalised: each neuron's row of each weight matrix rescaled
    to the norm of that neuron's weights; bias and normalisation directions zero (Li et al. 2018)."""
    rng = np.random.default_rng(seed)
    center = net.theta.astype(float)
    directions = []
    for _ in range(2):
        d = np.zeros_like(center)
        for (start, stop), W in zip(net.weight_slices, net.weights):
            r = rng.normal(size=W.shape)
            r *= np.linalg.norm(W, axis=1, keepdims=True) / np.maximum(np.linalg.norm(r, axis=1, keepdims=True), 1e-12)
            d[start:stop] = r.ravel()
        directions.append(d)
    return Plane(center, directions[0], directions[1], None)


def _views(net: Network, vector: np.ndarray):
    """Weights and biases of ``vector`` (P,) laid out like net.theta."""
    Ws, bs = [], []
    for (start, stop), W in zip(net.weight_slices, net.weights):
        Ws.append(vector[start:stop].reshape(W.shape))
        bs.append(vector[stop:stop + W.shape[0]])
    return Ws, bs


def batched_loss(loss: str, output: str, P: np.ndarray, Y: np.ndarray) -> np.ndarray:
    """P (k, n, out) for k parameter sets, Y (n, out) -> (k,) mean losses, as ``losses.value``."""
    if loss == "mse":
        return ((P - Y[None]) ** 2).mean(axis=(1, 2))
    tiny = np.finfo(P.dtype).tiny
    n = P.shape[1]
    if output == "softmax":
        return -(Y[None] * np.log(np.maximum(P, tiny))).sum(axis=(1, 2)) / n
    bce = Y[None] * np.log(np.maximum(P, tiny)) + (1 - Y[None]) * np.log(np.maximum(1 - P, tiny))
    return -bce.sum(axis=(1, 2)) / n


def plane_loss_grid(net: Network, plane: Plane, X: np.ndarray, Y: np.ndarray, alphas: np.ndarray,
                    betas: np.ndarray, should_stop=lambda: False, on_row=None) -> np.ndarray:
    """Loss (len(betas), len(alphas)) over the plane, rows along betas; NaN rows if stopped.

    Networks without normalisation are evaluated a whole row at a time, using the first layer's
    linearity (X W(a, b)^T = X W^T + a X D1^T + b X D2^T, computed once); with normalisation every
    point goes through ``Network.loss_value``.  ``on_row(i, row)`` reports each finished row.
    """
    out = np.full((len(betas), len(alphas)), np.nan)
    X = np.asarray(X, np.float32)
    Y = np.asarray(Y, np.float32)
    if net.norms:
        scratch = Network(**{**net.config(), "dtype": "float64"})
        for i, b in enumerate(betas):
            if should_stop():
                return out
            for j, a in enumerate(alphas):
                scratch.load_state(plane.point(a, b), net.norm_stats)
                out[i, j] = scratch.loss_value(X, Y)
            if on_row:
                on_row(i, out[i])
        return out
    Wc, bc = _views(net, plane.center.astype(np.float32))
    W1, b1 = _views(net, plane.d1.astype(np.float32))
    W2, b2 = _views(net, plane.d2.astype(np.float32))
    XW, XD1, XD2 = X @ Wc[0].T, X @ W1[0].T, X @ W2[0].T  # (n, h1) each, once per plane
    hidden = net.activation.f
    out_f = softmax if net.output == "softmax" else ACTIVATIONS[net.output].f
    A = np.asarray(alphas, np.float32)[:, None, None]
    for i, b in enumerate(np.asarray(betas, np.float32)):
        if should_stop():
            return out
        with np.errstate(all="ignore"):
            Z = XW[None] + A * XD1[None] + b * XD2[None] + (bc[0] + A * b1[0] + b * b2[0])  # (k, n, h1)
            for l in range(1, net.n_layers):
                a = hidden(Z)
                W = Wc[l][None] + A * W1[l][None] + b * W2[l][None]  # (k, out, in)
                Z = a @ np.swapaxes(W, 1, 2) + (bc[l] + A * b1[l] + b * b2[l])
            out[i] = batched_loss(net.loss, net.output, out_f(Z), Y)
        if on_row:
            on_row(i, out[i])
    return out


def _forward_stack(net: Network, Ws: list, bs: list, A: np.ndarray) -> np.ndarray:
    """Outputs (k, n, out) of k networks at once: Ws[l] (k, out, in), bs[l] (k, out), A (n, in) or (k, n, in)."""
    hidden = net.activation.f
    out_f = softmax if net.output == "softmax" else ACTIVATIONS[net.output].f
    for l, (W, b) in enumerate(zip(Ws, bs)):
        Z = A @ np.swapaxes(W, 1, 2) + b[:, None, :]
        A = out_f(Z) if l == net.n_layers - 1 else hidden(Z)
    return A


def losses_at(net: Network, thetas: np.ndarray, X: np.ndarray, Y: np.ndarray, chunk: int = 1 << 21) -> np.ndarray:
    """Loss of ``net``'s architecture at each of ``thetas`` (k, P) on (X, Y): (k,) float64, computed in
    ``net``'s precision.

    Without normalisation many parameter vectors go through one batched forward pass (at most
    ``chunk`` hidden values at a time); with it, one at a time through ``Network.loss_value``
    (evaluation mode, ``net``'s running statistics).
    """
    dtype = net.theta.dtype  # the network's own precision, as Network.loss_value
    thetas = np.atleast_2d(np.asarray(thetas, dtype))
    X, Y = np.asarray(X, dtype), np.asarray(Y, dtype)
    out = np.empty(len(thetas))
    if net.norms:
        scratch = net.copy()
        for k, theta in enumerate(thetas):
            scratch.theta[:] = theta
            out[k] = scratch.loss_value(X, Y)
        return out
    step = max(1, chunk // (len(X) * max(net.sizes)))
    with np.errstate(all="ignore"):
        for k0 in range(0, len(thetas), step):
            T = thetas[k0:k0 + step]
            Ws, bs = [], []
            for (start, stop), W in zip(net.weight_slices, net.weights):
                Ws.append(T[:, start:stop].reshape(len(T), *W.shape))
                bs.append(T[:, stop:stop + W.shape[0]])
            out[k0:k0 + step] = batched_loss(net.loss, net.output, _forward_stack(net, Ws, bs, X), Y)
    return out


def two_weight_grid(net: Network, index: tuple, values1: np.ndarray, values2: np.ndarray,
                    X: np.ndarray, Y: np.ndarray) -> np.ndarray:
    """Exact loss (len(values2), len(values1)) with theta[index[0]] = v1 and theta[index[1]] = v2,
    every other parameter as in ``net``; rows along values2."""
    v1, v2 = np.meshgrid(np.asarray(values1, float), np.asarray(values2, float))
    thetas = np.repeat(net.theta.astype(float)[None], v1.size, axis=0)
    thetas[:, index[0]], thetas[:, index[1]] = v1.ravel(), v2.ravel()
    return losses_at(net, thetas, X, Y).reshape(v1.shape)


def exact_surface(net: Network, index: tuple, X: np.ndarray, Y: np.ndarray, *, name: str, start, extent,
                  axes, text: str, runners=None) -> Surface:
    """Two of ``net``'s parameters, ``theta[index[0]]`` and ``theta[index[1]]``, as a Surface: the true
    loss on (X, Y) with every other parameter fixed at its value in ``net``, and its true gradient."""
    base = net.theta.astype(float).copy()
    scratch = Network(**{**net.config(), "dtype": "float64"})
    X, Y = np.asarray(X, float), np.asarray(Y, float)

    def f(w1, w2):
        w1, w2 = np.broadcast_arrays(np.asarray(w1, float), np.asarray(w2, float))
        thetas = np.repeat(base[None], w1.size, axis=0)
        thetas[:, index[0]], thetas[:, index[1]] = w1.ravel(), w2.ravel()
        values = losses_at(net, thetas, X, Y).reshape(w1.shape)
        return values if values.ndim else float(values)

    def grad(w1, w2):
        scratch.theta[:] = base
        scratch.theta[index[0]], scratch.theta[index[1]] = w1, w2
        scratch.backprop(X, Y)
        return float(scratch.grad[index[0]]), float(scratch.grad[index[1]])

    return Surface(name, f, grad, tuple(start), tuple(extent), text, tuple(axes), runners)


def neuron_surface() -> Surface:
    """One neuron y = w x + b (no activation, mean squared error) on the ``line`` data: linear
    regression, whose loss over (w, b) is an exact quadratic bowl."""
    from . import datasets

    d = datasets.load("line")
    net = Network([1, 1], loss="mse", output="linear", dtype="float64")
    return exact_surface(net, (0, 1), d.X_train, d.Y_train, name="neuron", start=(-1.5, 2.6),
                         extent=(-2.0, 4.0, -1.5, 3.0), axes=("w", "b"), text=(
        "One neuron y = w x + b fitting 40 points (linear regression). It has only these two parameters, "
        "so this is the whole, exact loss: a tilted bowl whose bottom is the best line."))


def zhou_network(seed: int = 0, steps: int = 600) -> Network:
    """Zhou's 2-2-1 sigmoid network (mse) trained full-batch on his four people with Adam (deterministic)."""
    from . import datasets

    d = datasets.load("zhou")
    net = Network([2, 2, 1], activation="sigmoid", loss="mse", seed=seed, dtype="float64")
    opt = optimizers.make("adam", 0.05)
    for _ in range(steps):
        net.backprop(d.X_train, d.Y_train)
        opt.step(net.theta, net.grad)
    return net


#: Zhou's names for his network's weights -> index in theta ([2, 2, 1]: W1 (2, 2), b1, W2 (1, 2), b2).
ZHOU_WEIGHTS = {"w1": 0, "w2": 1, "w3": 2, "w4": 3, "w5": 6, "w6": 7}


def zhou_surface() -> Surface:
    """Two weights of Zhou's 2-2-1 network, w1 (input "weight" -> h1) and w5 (h1 -> output), the other
    seven parameters fixed at a trained solution; the loss on his four people."""
    from . import datasets

    d = datasets.load("zhou")
    net = zhou_network()
    pair = ("w1", "w5")
    index = (ZHOU_WEIGHTS[pair[0]], ZHOU_WEIGHTS[pair[1]])
    return exact_surface(
        net, index, d.X_train, d.Y_train, name="zhou", start=(-2.0, -5.5), extent=(-3.5, 3.5, -7.0, 7.0),
        axes=pair, runners=(("SGD", "sgd", 2.0, {}), ("momentum", "momentum", 0.5, {"momentum": 0.9}),
                            ("RMSProp", "rmsprop", 0.05, {}), ("Adam", "adam", 0.1, {})),
        text=(f"Zhou's 2-2-1 network on his four people: {pair[0]} and {pair[1]} vary, the other seven "
              "parameters stay at a trained solution. Saturating sigmoids make flat plateaus and steep cliffs; "
              "from the plateau the balls take different valleys, and not every valley is as deep."))


#: The race on a real network: learning rates that suit each optimiser there.
NETWORK_RUNNERS = (("SGD", "sgd", 0.1, {}), ("momentum", "momentum", 0.02, {"momentum": 0.9}),
                   ("RMSProp", "rmsprop", 1e-3, {}), ("Adam", "adam", 1e-3, {}))
#: At most this many bytes of stored parameter vectors for the race's plane.
RACE_BYTES = 64 * 2**20


@dataclass
class NetworkRace:
    """Where each runner went: ``trails[i]`` (k, P) parameter vectors every ``every`` steps (the start
    first), ``losses[i]`` (steps,) its mini-batch losses, ``plane`` the PCA plane of all the trails."""

    labels: list
    trails: list
    losses: list
    every: int
    plane: Plane


def network_race(net: Network, data, runners=NETWORK_RUNNERS, steps: int = 100, batch_size: int = 32,
                 seed: int = 0, should_stop=lambda: False) -> NetworkRace:
    """Train a copy of ``net`` with each runner's optimiser for ``steps`` steps, all on the same
    batches (one seed), and find the plane their paths span."""
    start = net.theta.astype(float)
    every = max(1, int(np.ceil((steps + 1) * len(runners) * start.size * 8 / RACE_BYTES)))
    labels, trails, losses = [], [], []
    for label, name, lr, settings in runners:
        tr = Trainer(net.copy(), data, optimizer=name, lr=lr, batch_size=min(batch_size, len(data.X_train)),
                     seed=seed, **settings)
        kept, ls = [start], []
        for k in range(1, steps + 1):
            if should_stop():
                break
            state = tr.step()
            if state.diverged:
                break
            ls.append(state.loss)
            if k % every == 0 or k == steps:
                kept.append(state.theta.astype(float))
        labels.append(label)
        trails.append(np.array(kept))
        losses.append(np.array(ls))
    plane = pca_plane(np.concatenate(trails), start)
    return NetworkRace(labels, trails, losses, every, plane)
