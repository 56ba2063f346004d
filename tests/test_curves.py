"""The curves' series: a run of any length keeps its whole span in bounded memory."""
import numpy as np
import pytest

from nnviz.gui.curves import SMOOTHING, Series, nice_ceiling, smooth


def test_a_long_run_stays_bounded_and_keeps_its_first_and_newest_points():
    s = Series(max_points=1000)
    for step in range(1, 100_001):
        s.add(step, 1.0 / step)
        assert s.n <= 1000
    x, y = s.data()
    assert x[0] == 1 and x[-1] == 100_000  # the whole span, the newest point last
    assert np.all(np.diff(x) > 0)  # still in step order
    np.testing.assert_array_equal(y, 1.0 / x)  # every kept point is a real (step, value) pair
    assert len(x) > 400  # coarser, not emptied
    gaps = np.diff(x)
    assert np.median(gaps[-50:]) < np.median(gaps[:50])  # finer towards the newest steps


def test_truncate_forgets_the_abandoned_future():
    s = Series(max_points=64)
    for step in range(1, 201):
        s.add(step, float(step))
    s.truncate(150)
    x, _ = s.data()
    assert x[-1] < 150
    s.add(150, 0.5)
    assert s.data()[0][-1] == 150 and s.data()[1][-1] == 0.5


def test_extend_matches_point_by_point_adds_through_the_bound():
    one, many = Series(max_points=100), Series(max_points=100)
    x = np.arange(1, 1001, dtype=float)
    for xi in x:
        one.add(xi, xi * 2)
    for lo in range(0, 1000, 37):
        many.extend(x[lo:lo + 37], x[lo:lo + 37] * 2)
    assert many.n <= 100 and many.data()[0][0] == 1 and many.data()[0][-1] == 1000
    np.testing.assert_array_equal(many.data()[1], many.data()[0] * 2)
    assert one.n <= 100 and abs(one.n - many.n) < 50


def test_smoothing_in_one_go_equals_the_step_by_step_moving_average():
    rng = np.random.default_rng(0)
    steps = np.cumsum(rng.integers(1, 5, size=25_000))  # gaps of 1-4 steps, more than two blocks
    values = rng.random(25_000)
    expected, e, last = [], 0.7, 0
    for s, v in zip(steps, values):
        keep = SMOOTHING ** (s - last)
        e = keep * e + (1 - keep) * v
        expected.append(e)
        last = s
    np.testing.assert_allclose(smooth(steps, values, 0, 0.7), expected, rtol=1e-9)


def test_axes_end_at_round_numbers():
    assert [nice_ceiling(v) for v in (0.23, 1, 1.01, 2.3, 9, 1234, 99_999)] == pytest.approx([0.3, 1, 1.5, 3, 10, 1500, 100_000])
