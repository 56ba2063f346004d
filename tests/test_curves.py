"""The curves' series: a run of any length keeps its whole span in bounded memory."""
import numpy as np

from nnviz.gui.curves import Series


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
