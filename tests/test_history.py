"""The timeline's history: kept states for rewinding, every step's figures for the curves."""
import numpy as np
import pytest

from nnviz.core import Trainer, datasets, load_pretrained
from nnviz.core.history import History


@pytest.fixture(scope="module")
def states():
    tr = Trainer(load_pretrained("3b1b"), datasets.load("digits"), optimizer="sgd", lr=0.1, batch_size=8)
    return [tr.state] + [tr.step() for _ in range(30)]


def test_kept_states_are_found_by_step_even_when_steps_in_between_were_only_recorded(states):
    h = History()
    for s in states:
        (h.append if s.step % 10 == 0 else h.record)(s)
    assert [s.step for s in h.states()] == [0, 10, 20, 30]
    assert h.index_of_step(20) == 2 and h[2] is states[20]
    assert h.index_of_step(15) == -1  # recorded, not kept
    # Every step's figures, kept or not, in order: what the curves plot.
    rows = h.rows_after(0)
    assert rows.step.tolist() == list(range(1, 31))
    assert rows.loss[14] == states[15].loss and rows.accuracy[14] == states[15].accuracy
    np.testing.assert_array_equal(rows.grad_norms[14], states[15].grad_norms)
    assert h.rows_after(27).step.tolist() == [28, 29, 30]
    assert len(h.rows_after(30).step) == 0


def test_a_branch_forgets_the_abandoned_future_of_states_and_figures(states):
    h = History()
    for s in states[:21]:
        h.append(s)
    h.append(states[5])  # continue from step 5
    assert h.latest() is states[5] and len(h) == 6
    assert h.rows_after(0).step.tolist() == [1, 2, 3, 4, 5]
    h.record(states[6])
    assert h.rows_after(3).step.tolist() == [4, 5, 6]


def test_capacity_and_rows_are_bounded(states):
    h = History(max_states=4, max_rows=10)
    for s in states:
        h.append(s)
    assert [s.step for s in h.states()] == [27, 28, 29, 30] and h.capacity == 4
    assert h.rows_after(-1).step.tolist() == list(range(21, 31))  # the ring wrapped twice
    h.clear()
    assert len(h) == 0 and h.latest() is None and len(h.rows_after(-1).step) == 0
