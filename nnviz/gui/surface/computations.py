"""The loss-surface pane's background computations, built from plain values (no widgets, no pane).

Each function returns ``compute(should_stop, on_row) -> result`` for :class:`~.jobs.SurfaceJobs`:
it runs in a Python thread, so it captures what it needs (a float64 network of its own, arrays)
and never reads the pane.  X (n, n_in), Y (n, n_out) are the samples the losses are measured on;
theta (P,) a network's parameters.
"""
from __future__ import annotations

import numpy as np

from nnviz.core import Network
from nnviz.core.surface import (losses_at, network_race, pca_plane, plane_loss_grid, project_rows, random_plane,
                                two_weight_grid)


def plane_surface(net: Network, thetas: list, steps: list, X, Y, grid: int, pending: dict):
    """The loss on the plane through ``net``'s parameters along the path's top two principal
    directions (random filter-normalised ones while the path ``thetas`` [(P,)] at ``steps`` has fewer
    than three distinct points) -> (grid, grid) losses, rows along y.  Before its first row it puts
    the plane, its extent (x0, x1, y0, y1) and the path's coordinates {step: (a, b)} into ``pending``."""
    seed = len(thetas)

    def compute(should_stop, on_row):
        center = net.theta.astype(float)
        plane = pca_plane(thetas, center) if distinct_points(thetas) >= 3 else random_plane(net, seed=seed)
        # The path is read a chunk of columns at a time: no (n, P) copy (3 GB for 784-512-512-512-10).
        coords = project_rows(thetas, center, plane.projector) if len(thetas) else np.zeros((1, 2))
        r = max(float(np.abs(coords).max()) * 1.3, 1e-3) if plane.explained is not None else 1.0
        pending["plane"], pending["extent"] = plane, (-r, r, -r, r)
        pending["coords"] = {step: (float(a), float(b)) for step, (a, b) in zip(steps, coords)}
        xs = np.linspace(-r, r, grid)
        return plane_loss_grid(net, plane, X, Y, xs, xs, should_stop, on_row)

    return compute


def distinct_points(thetas: list, at_most: int = 3) -> int:
    """How many distinct points the path ``thetas`` [(P,)] holds, counting up to ``at_most``."""
    seen: list = []
    for theta in reversed(thetas):
        if not any(np.array_equal(theta, s) for s in seen):
            seen.append(theta)
            if len(seen) >= at_most:
                break
    return len(seen)


def pair_extent(net: Network, pair: tuple[int, int]) -> tuple[float, float, float, float]:
    """(x0, x1, y0, y1) around the values of ``net``'s two parameters ``pair`` (at least +-2 each)."""
    i, j = pair
    v1, v2 = float(net.theta[i]), float(net.theta[j])
    s1, s2 = max(2.0, 1.5 * abs(v1)), max(2.0, 1.5 * abs(v2))
    return v1 - s1, v1 + s1, v2 - s2, v2 + s2


def pair_surface(net: Network, pair: tuple[int, int], extent: tuple, X, Y, grid: int):
    """The exact loss over ``net``'s two parameters ``pair`` (indices into theta), the others as they
    are, over ``extent`` -> (grid, grid) losses, rows along the second parameter."""
    def compute(should_stop, on_row):
        xs, ys = np.linspace(extent[0], extent[1], grid), np.linspace(extent[2], extent[3], grid)
        out = np.full((grid, grid), np.nan)
        for k in range(grid):
            if should_stop():
                break
            out[k] = two_weight_grid(net, pair, xs, ys[k:k + 1], X, Y)[0]
            on_row(k, out[k])
        return out

    return compute


def ball_losses(config: dict, state, plane, X, Y):
    """At ``state``: the true loss, the plane's loss at its projection, and how far off the plane it is
    (a fraction of its distance from the plane's centre) -> (step, true, plane's, off)."""
    def compute(should_stop, on_row):
        net = Network(**config).load_state(state.theta, state.norm_stats)
        theta = np.asarray(state.theta, float)
        on_plane = plane.point(*plane.project(state.theta))
        true, flat = losses_at(net, np.stack([theta, on_plane]), X, Y)
        away = np.linalg.norm(theta - plane.center)
        off = float(np.linalg.norm(theta - on_plane) / away) if away > 0 else 0.0
        return state.step, float(true), float(flat), off

    return compute


def race_on_network(net: Network, data, X, Y, steps: int, grid: int):
    """The four optimisers train copies of ``net`` for ``steps`` steps -> (NetworkRace, its trails on
    their shared plane [(k, 2)], extent (x0, x1, y0, y1), (grid, grid) losses on that plane, net)."""
    def compute(should_stop, on_row):
        race = network_race(net, data, steps=steps, should_stop=should_stop)
        trails = [np.array([race.plane.project(t) for t in trail]) for trail in race.trails]
        r = max(1e-3, 1.2 * max(float(np.abs(t).max()) for t in trails))
        axis = np.linspace(-r, r, grid)
        values = plane_loss_grid(net, race.plane, X, Y, axis, axis, should_stop)
        return race, trails, (-r, r, -r, r), values, net

    return compute
