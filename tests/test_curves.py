"""The curves: bounded series, vectorised smoothing, axes that follow the run until the user zooms."""
import numpy as np
import pytest

from nnviz.core.history import Rows
from nnviz.gui.curves import SMOOTHING, CurvesView, Series, nice_ceiling, smooth


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


def _rows(first, last):
    steps = np.arange(first, last + 1)
    return Rows(steps, 2.0 / np.sqrt(steps), 1 - 1 / np.sqrt(steps), np.ones((len(steps), 3)))


def test_the_view_follows_the_run_until_the_user_zooms_and_the_A_button_resumes(qtbot):
    view = CurvesView()
    qtbot.addWidget(view)
    view.add_rows(_rows(1, 1234))
    view.redraw_now()
    (x0, x1), (y0, y1) = view.loss_plot.viewRange()
    assert (x0, x1) == pytest.approx((0, 1500)) and y0 <= 0 and 2.0 <= y1 <= 2.1
    view.loss_plot.vb.setXRange(100, 200, padding=0)
    view.loss_plot.vb.sigRangeChangedManually.emit([True, True])  # what a mouse zoom sends
    view.add_rows(_rows(1235, 5000))
    view.redraw_now()
    assert not view.following and view.loss_plot.viewRange()[0] == pytest.approx([100, 200])
    view.loss_plot.autoBtn.clicked.emit(view.loss_plot.autoBtn)  # the A button
    assert view.following and view.loss_plot.viewRange()[0] == pytest.approx([0, 5000])
    assert view.train_loss.n == 5000  # every step, smoothed


def test_a_branch_truncates_the_curves(qtbot):
    view = CurvesView()
    qtbot.addWidget(view)
    view.add_rows(_rows(1, 100))
    view.add_rows(_rows(40, 40))  # continuing from step 40 again
    assert view.last_step == 40 and view.train_loss.data()[0][-1] == 40 and view.train_loss.n == 40


def test_a_pending_redraw_is_drawn_on_flush(qtbot):
    view = CurvesView()
    qtbot.addWidget(view)
    view.add_rows(_rows(1, 20))
    view.schedule_redraw()  # due in half a second
    assert len(view._curves["train_loss"].getData()[0] or []) == 0
    view.flush()  # what a screenshot does before grabbing the window
    assert view._curves["train_loss"].getData()[0].tolist() == list(range(1, 21))
    assert view.loss_plot.viewRange()[0] == pytest.approx([0, 20])


def test_a_diverged_runs_infinite_test_loss_is_not_drawn_and_the_plot_still_fits(qtbot):
    import warnings

    view = CurvesView()
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    view.add_rows(_rows(1, 20))
    view.add_test(5, float("inf"), 0.1)  # the only test figure so far: nothing to draw
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # pyqtgraph's bounds of a dot at infinity warned (inf - inf)
        view.redraw_now()
        view.grab()
        assert len(view._curves["test_loss"].getData()[0] or []) == 0
        view.add_test(10, 1.5, 0.5)
        view.add_test(20, float("inf"), 0.1)  # the test loss of huge (still finite) parameters
        view.redraw_now()
        view.grab()
    x, y = view._curves["test_loss"].getData()
    assert x.tolist() == [10] and y.tolist() == [1.5]
    assert view._curves["test_acc"].getData()[0].tolist() == [5, 10, 20]
    assert view.test_loss.data()[1][-1] == np.inf  # the figure itself is kept
    (y0, y1) = view.loss_plot.viewRange()[1]
    assert np.isfinite(y1) and y1 < 10
