"""Saving and loading models: round trips, validation of bad files, atomic writes."""
import io
import zipfile

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnviz.core import ModelFileError, Network, load_network, save_network
from factories import kill_a_save_midway


@pytest.mark.parametrize("kwargs", [
    {"sizes": [784, 16, 16, 10], "activation": "sigmoid"},
    {"sizes": [2, 2, 1], "activation": "sigmoid", "loss": "mse"},
    {"sizes": [6, 8, 8, 3], "activation": "relu", "norm": "batch"},
    {"sizes": [6, 8, 4], "activation": "tanh", "norm": "group", "groups": 2, "dtype": np.float64},
])
def test_round_trip_keeps_architecture_parameters_and_norm_state(tmp_path, kwargs):
    net = Network(seed=3, **kwargs)
    net.theta[:] = np.random.default_rng(0).normal(size=net.n_params)
    for norm in net.norms:
        norm.running_mean[:] = 0.5
        norm.running_var[:] = 2.0
    path = tmp_path / "model.npz"
    save_network(net, path, metadata={"dataset": "digits", "test_accuracy": 0.9})
    back, meta = load_network(path, with_metadata=True)
    assert back.config() == net.config()
    np.testing.assert_array_equal(back.theta, net.theta)
    for a, b in zip(net.norms, back.norms):
        np.testing.assert_array_equal(a.running_var, b.running_var)
    X = np.random.default_rng(1).normal(size=(3, net.sizes[0]))
    np.testing.assert_allclose(back.forward(X), net.forward(X))
    assert meta == {"dataset": "digits", "test_accuracy": 0.9}
    assert [p.name for p in tmp_path.iterdir()] == ["model.npz"]  # no temporary file left behind


def _saved(tmp_path, **changes):
    """Save a small model, then rewrite its fields with `changes` (None deletes a field)."""
    path = tmp_path / "m.npz"
    save_network(Network([4, 3, 2], norm="batch"), path)
    with np.load(path) as npz:
        fields = {k: npz[k] for k in npz.files}
    for key, value in changes.items():
        if value is None:
            fields.pop(key)
        else:
            fields[key] = value
    np.savez(path, **fields)
    return path


@pytest.mark.parametrize("changes,fragment", [
    ({"theta": np.zeros(5, np.float32)}, "expected"),
    ({"theta": None}, "missing field"),
    ({"format": np.array("something else")}, "not an nnviz model"),
    ({"sizes": np.array([4, 0, 2])}, "invalid architecture"),
    ({"activation": np.array("swish")}, "invalid architecture"),
    ({"running_var_0": None}, "running_var"),
    ({"theta": np.full(29, np.nan, np.float32)}, "NaN"),
    ({"sizes": np.array([[4, 3, 2]])}, "sizes"),
])
def test_invalid_models_are_refused_naming_file_and_problem(tmp_path, changes, fragment):
    path = _saved(tmp_path, **changes)
    with pytest.raises(ModelFileError, match=fragment) as info:
        load_network(path)
    assert str(path) in str(info.value)


def test_pickled_objects_are_refused(tmp_path):
    path = _saved(tmp_path, theta=np.array([{"evil": 1}], dtype=object))
    with pytest.raises(ModelFileError, match="pickle"):
        load_network(path)


def test_truncated_and_missing_files(tmp_path):
    path = _saved(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelFileError, match="m.npz"):
        load_network(path)
    with pytest.raises(ModelFileError, match="no such file"):
        load_network(tmp_path / "nope.npz")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=2000))
def test_random_bytes_give_a_clean_error(tmp_path, blob):
    path = tmp_path / "random.npz"
    path.write_bytes(blob)
    with pytest.raises(ModelFileError):
        load_network(path)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(["format", "sizes", "theta", "activation", "loss", "groups", "x"]),
                       st.sampled_from([np.zeros(0), np.zeros((2, 3)), np.array("relu"), np.arange(5),
                                        np.array(1.5), np.array("nnviz-network-1")]), max_size=7))
def test_random_field_shapes_give_a_clean_error(tmp_path, fields):
    path = tmp_path / "fields.npz"
    buffer = io.BytesIO()
    np.savez(buffer, **fields)
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ModelFileError):
        load_network(path)


def test_a_save_killed_midway_leaves_the_old_file_intact(tmp_path):
    """The saver is killed while writing; the model already on disk must still load."""
    path = tmp_path / "model.npz"
    old = Network([784, 16, 16, 10], seed=1)
    save_network(old, path)
    kill_a_save_midway(path)
    np.testing.assert_array_equal(load_network(path).theta, old.theta)


def test_save_is_a_zip_with_only_plain_arrays(tmp_path):
    path = tmp_path / "m.npz"
    save_network(Network([4, 3]), path)
    with zipfile.ZipFile(path) as z:
        assert "theta.npy" in z.namelist()
    with np.load(path, allow_pickle=False) as npz:  # loads with pickling disabled
        assert all(npz[k].dtype != object for k in npz.files)
