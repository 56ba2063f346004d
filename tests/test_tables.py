"""CSV tables as data sets (nnviz.core.tables): what a user's file becomes, and what a bad file says.
No Qt."""
import json
import subprocess
import sys

import numpy as np
import pytest

from nnviz.core import Network, load_network, tables
from nnviz.core.errors import ConfigError, DataFileError
from nnviz.core.preprocess import Standardisation
from nnviz.session import Session


def write(path, text):
    path.write_text(text)
    return path


def flowers(tmp_path, n=(50, 30, 20), seed=1):
    """A synthetic table: two numeric inputs, a text column, text labels (in this order of
    appearance: b, a, c)."""
    rng = np.random.default_rng(seed)
    rows, kinds = [], ["b", "a", "c"]
    for k, count in zip(kinds, n):
        for _ in range(count):
            rows.append((rng.normal(3 * kinds.index(k), 1), rng.normal(10, 2), "x", k))
    lines = ["width,height,colour,kind"] + [f"{w!r},{h!r},{c},{k}" for w, h, c, k in rows]
    return write(tmp_path / "flowers.csv", "\n".join(lines) + "\n"), rows


def test_text_labels_make_a_classification_named_from_the_file(tmp_path):
    path, rows = flowers(tmp_path)
    data = tables.load_table(path)
    assert data.task == "classification"
    assert data.class_names == ("b", "a", "c")  # order of first appearance
    assert data.input_names == ("width", "height")  # the text column is left out
    assert "colour" in data.description
    assert data.n_inputs == 2 and data.n_outputs == 3
    assert len(data.X_train) + len(data.X_test) == len(rows)
    # one-hot targets agree with the labels, and the labels with the file's rows
    assert (data.Y_train.argmax(1) == data.labels_train).all()
    raw = data.standardisation.invert(data.X_train)
    points = np.array([(w, h) for w, h, _, _ in rows])
    for x, label in zip(raw, data.labels_train):
        nearest = np.abs(points - x).sum(1).argmin()
        assert np.allclose(points[nearest], x, atol=1e-4) and rows[nearest][3] == data.class_names[label]
    # standardised with the training split's figures
    assert np.allclose(data.X_train.mean(0), 0, atol=1e-5) and np.allclose(data.X_train.std(0), 1, atol=1e-4)
    assert not np.allclose(data.X_test.mean(0), 0, atol=1e-5)


def test_whole_numbers_are_classes_in_numeric_order_and_decimals_a_regression(tmp_path):
    ints = write(tmp_path / "ints.csv", "a;b;label\n" + "".join(f"{i};{i % 3};{[2, 10][i % 2]}\n" for i in range(20)))
    data = tables.load_table(ints)  # semicolons work too
    assert data.task == "classification" and data.class_names == ("2", "10")
    floats = write(tmp_path / "price.csv", "size,rooms,price\n" + "".join(f"{i},{i % 4},{1.5 * i + 2}\n" for i in range(30)))
    data = tables.load_table(floats, target="price")
    assert data.task == "regression" and data.n_outputs == 1
    raw = data.standardisation.invert(data.X_train)
    assert np.allclose(data.Y_train[:, 0], 1.5 * raw[:, 0] + 2, atol=1e-4)
    assert np.isnan(Session.build({"dataset": "price", "noise": 0.1, "hidden": [4], "activation": "tanh",
                                   "loss": "mse", "output": "linear", "norm": "none", "seed": 0},
                                  data=data).step(3).accuracy)


@pytest.mark.parametrize("text, expected", [
    ("a,b,y\n1,2,x\n3,4\n5,6,y\n", ["row 3", "column 3 'y'", "ragged"]),
    ("a,b,y\n1,2,x\n3,4,y\n5,abc,x\n7,8,y\n", ["row 4", "column 2 'b'", "'abc' is not a number"]),
    ("a,b,y\n1,2,x\n3,,y\n5,6,x\n", ["row 3", "column 2 'b'", "empty cell"]),
    ("a,b,y\n1,2,x\n3,inf,y\n5,6,x\n", ["row 3", "column 2 'b'", "not a finite number"]),
    ("a,b,y\n1,2,x\n3,4,x\n5,6,x\n", ["column 3 'y'", "one class only"]),
    ("a,b,y\n1,2,x\n3,4,\n5,6,y\n", ["row 3", "column 3 'y'", "empty label"]),
    ("", ["empty", "header row"]),
    ("a,b,y\n", ["no data rows", "row 1"]),
    ("name,y\nann,x\nbob,y\n", ["no column of numbers"]),
])
def test_a_bad_file_is_one_line_naming_row_and_column(tmp_path, text, expected):
    path = write(tmp_path / "bad.csv", text)
    with pytest.raises(DataFileError) as error:
        tables.load_table(path)
    message = str(error.value)
    assert "\n" not in message and str(path) in message
    for part in expected:
        assert part in message


def test_too_many_rows_need_max_rows_which_reads_the_first_n(tmp_path, monkeypatch):
    monkeypatch.setattr(tables, "MAX_ROWS", 40)
    path = write(tmp_path / "long.csv", "a,y\n" + "".join(f"{i},{i % 2}\n" for i in range(41)))
    with pytest.raises(DataFileError, match=r"more than 40 data rows \(row 42 .*--max-rows"):
        tables.load_table(path)
    data = tables.load_table(path, max_rows=30)
    assert len(data.X_train) + len(data.X_test) == 30
    assert data.table["max_rows"] == 30


def test_unknown_target_names_the_columns(tmp_path):
    path, _ = flowers(tmp_path)
    with pytest.raises(DataFileError, match="no column 'species'.*width, height, colour, kind"):
        tables.load_table(path, target="species")


def test_the_split_is_stratified_and_seeded():
    labels = np.repeat([0, 1, 2], [50, 30, 20])
    train, test = tables.split(100, labels, 0.2, seed=0)
    assert [int((labels[test] == c).sum()) for c in range(3)] == [10, 6, 4]
    assert len(np.intersect1d(train, test)) == 0 and len(train) + len(test) == 100
    again, _ = tables.split(100, labels, 0.2, seed=0)
    other, _ = tables.split(100, labels, 0.2, seed=1)
    assert (again == train).all() and not np.array_equal(other, train)
    _, test = tables.split(100, labels, 0.3, seed=0)
    assert [int((labels[test] == c).sum()) for c in range(3)] == [15, 9, 6]
    with pytest.raises(ConfigError, match="between 0 and 1"):
        tables.split(100, labels, 1.0, seed=0)


def test_same_file_same_split_and_scaling(tmp_path):
    path, _ = flowers(tmp_path)
    a, b = tables.load_table(path), tables.load_table(path)
    assert np.array_equal(a.X_test, b.X_test) and np.array_equal(a.standardisation.mean, b.standardisation.mean)
    c = tables.load_table(path, test_fraction=0.5)
    assert len(c.X_test) == 50


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "nnviz", *map(str, args)], capture_output=True, text=True,
                          timeout=120)


def test_standardisation_is_saved_with_the_model_and_predictions_use_it(tmp_path):
    path, rows = flowers(tmp_path)
    model = tmp_path / "flowers.npz"
    out = run_cli("train", "--data", path, "--epochs", "20", "--save", model, "--json")
    assert out.returncode == 0, out.stderr
    net, meta = load_network(model, with_metadata=True)
    data = tables.load_table(path)
    saved = Standardisation.from_json(meta["table"]["standardisation"])
    assert np.allclose(saved.mean, data.standardisation.mean) and np.allclose(saved.std, data.standardisation.std)
    assert meta["table"]["classes"] == ["b", "a", "c"] and meta["table"]["inputs"] == ["width", "height"]
    # One row alone has no spread: refitting would give other inputs.  The saved scaling is used.
    one = write(tmp_path / "one.csv", f"height,width\n{rows[0][1]!r},{rows[0][0]!r}\n")  # columns by name
    out = run_cli("predict", "--model", model, one, "--json")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    expected = net.forward(saved.apply(np.array([[rows[0][0], rows[0][1]]])))[0]
    assert np.allclose(result["probabilities"][0], expected, atol=1e-5)
    assert result["predictions"][0] == ["b", "a", "c"][int(np.argmax(expected))]
    # eval reads the table with the saved scaling and measures the model's own test split
    out = run_cli("eval", "--model", model, "--data", path, "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.strip().splitlines()[-1])["samples"] == len(data.X_test)


def test_cli_says_a_bad_table_in_one_line(tmp_path):
    bad = write(tmp_path / "bad.csv", "a,b,y\n1,2,x\n3,4,y\n5,abc,x\n")
    out = run_cli("train", "--data", bad)
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0 and "row 4, column 2 'b'" in out.stderr
    out = run_cli("train", "--dataset", "xor", "--target", "y")
    assert out.returncode == 2 and "--data FILE.csv" in out.stderr


def test_saved_points_read_back_the_same(tmp_path):
    X = np.array([[0.1, -2.5], [1 / 3, 4.0], [-7.25, 1e-3]])
    labels = np.array([1, 0, 1])
    tables.save_points(tmp_path / "p.csv", X, labels, ("x1", "x2"), ("orange", "blue"))
    table = tables.read_table(tmp_path / "p.csv")
    order = np.argsort(labels, kind="stable")
    assert np.array_equal(table.X, X[order]) and table.input_names == ("x1", "x2")
    assert [table.class_names[t] for t in table.targets] == [("orange", "blue")[c] for c in labels[order]]
    assert table.class_names == ("orange", "blue")


def test_a_session_trains_on_new_data_keeping_its_network(tmp_path):
    path, _ = flowers(tmp_path)
    data = tables.load_table(path)
    s = Session.build({"dataset": "csv:flowers", "noise": 0.1, "hidden": [5], "activation": "tanh",
                       "loss": "cross_entropy", "output": None, "norm": "none", "seed": 0}, data=data)
    s.step(5)
    theta = s.state.theta.copy()
    fewer = tables.load_table(path, test_fraction=0.5)
    state = s.replace_data(fewer)
    assert np.array_equal(state.theta, theta) and state.step == 5
    assert s.data is fewer and s.trainer.data is fewer and s.spec["dataset"] == "flowers"
    s.step(3)
    assert s.state.step == 8 and s.tests.at(8).samples == len(fewer.X_test)
    with pytest.raises(ConfigError):
        s.replace_data(tables.load_table(write(tmp_path / "w.csv", "a,y\n1,x\n2,y\n3,x\n4,y\n")))
    assert isinstance(Network.from_state(s.state), Network)


def test_a_model_of_a_table_opens_on_the_table_read_with_its_saved_scaling(tmp_path):
    from nnviz.session_files import describe, opening

    path, _ = flowers(tmp_path)
    data = tables.load_table(path)
    s = Session.build({"dataset": "csv:flowers", "noise": 0.1, "hidden": [5], "activation": "tanh",
                       "loss": "cross_entropy", "output": None, "norm": "none", "seed": 0}, data=data)
    meta = {"session": describe(s)}
    assert meta["session"]["data"]["name"] == "csv:flowers" and meta["session"]["data"]["csv"] == str(path)
    # the file gains rows: a refit would move the mean; the model's own scaling is kept
    with open(path, "a") as fh:
        fh.write("".join(f"{100 + i},{50 + i},x,a\n" for i in range(10)))
    found = opening(s.network(), json.loads(json.dumps(meta)), path=tmp_path / "m.npz")
    assert found.problem == "" and found.data_key == "csv:flowers"
    assert np.array_equal(found.data.standardisation.mean, data.standardisation.mean)
    assert found.data.class_names == data.class_names
    path.unlink()
    found = opening(s.network(), meta, path=tmp_path / "m.npz")
    assert found.data is None and "no such file" in found.problem


def test_a_regression_model_reads_whole_numbers_as_values(tmp_path):
    path = write(tmp_path / "price.csv", "size,price\n" + "".join(f"{i},{2.5 * i}\n" for i in range(20)))
    data = tables.load_table(path)
    info = tables.describe(data)
    assert info["task"] == "regression" and info["classes"] == []
    whole = write(tmp_path / "whole.csv", "size,price\n" + "".join(f"{i},{2 * i}\n" for i in range(20)))
    assert tables.read_table(whole).task == "classification"  # on its own: whole numbers are classes
    with pytest.raises(ConfigError, match="every class has a single row.*decimal point"):
        tables.load_table(whole)
    again = tables.reload_described(info, whole)
    assert again.task == "regression" and np.array_equal(again.standardisation.mean, data.standardisation.mean)


def test_what_is_read_as_a_table(tmp_path):
    assert tables.looks_like_table(tmp_path / "missing.csv")  # by its name: then "no such file"
    write(tmp_path / "data", "a,b\n1,2\n")
    assert tables.looks_like_table(tmp_path / "data")
    (tmp_path / "train-images-idx3-ubyte").write_bytes(b"\0\0\x08\x03" + bytes(100))
    assert not tables.looks_like_table(tmp_path / "train-images-idx3-ubyte")
    assert not tables.looks_like_table(tmp_path)


def test_a_label_the_model_does_not_know_names_its_row(tmp_path):
    path, _ = flowers(tmp_path)
    info = tables.describe(tables.load_table(path))
    other = write(tmp_path / "other.csv", "width,height,colour,kind\n1,2,x,a\n3,4,x,b\n5,6,x,z\n7,8,x,c\n")
    with pytest.raises(DataFileError, match=r"row 4, column 4 'kind': the label 'z' is not one of the model's"):
        tables.reload_described(info, other)
