"""The nnviz command: train / eval / predict / bench, JSON output, one-line errors."""
import json
import subprocess
import sys

import pytest

from nnviz import bench, cli
from nnviz.core import Network, save_network


def run_cli(capsys, *argv):
    """Run nnviz in-process; returns (exit code, stdout, stderr)."""
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def last_json(out: str) -> dict:
    return json.loads(out.strip().splitlines()[-1])


def test_train_prints_json_with_the_promised_keys(capsys, tmp_path):
    model = tmp_path / "xor.npz"
    code, out, err = run_cli(capsys, "train", "--dataset", "xor", "--layers", "2,8,2", "--activation", "tanh",
                             "--lr", "0.05", "--epochs", "20", "--seed", "1", "--save", str(model), "--json")
    assert code == 0, err
    result = last_json(out)
    assert {"test_accuracy", "test_loss", "train_seconds", "steps"} <= result.keys()
    assert result["test_accuracy"] > 0.85
    assert model.exists()
    code, out, _ = run_cli(capsys, "eval", "--model", str(model), "--dataset", "xor", "--json")
    ev = last_json(out)
    assert code == 0 and ev["accuracy"] == pytest.approx(result["test_accuracy"]) and ev["samples"] > 0


def test_train_zhou_learns_the_four_people(capsys):
    code, out, _ = run_cli(capsys, "train", "--dataset", "zhou", "--layers", "2,2,1", "--loss", "mse",
                           "--optimizer", "sgd", "--lr", "0.1", "--batch-size", "1", "--epochs", "1000", "--json")
    assert code == 0 and last_json(out)["test_accuracy"] == 1.0


@pytest.mark.parametrize("argv,fragment", [
    (["train", "--layers", "784,0,10"], "at least 1"),
    (["train", "--layers", "784,100000,10"], "limit"),
    (["train", "--lr", "-1"], "learning rate"),
    (["train", "--lr", "0"], "learning rate"),
    (["train", "--batch-size", "100000"], "batch size"),
    (["train", "--layers", "2,5,3"], "do not fit"),
    (["train", "--epochs", "0"], "epochs"),
    (["eval", "--model", "/nonexistent/model.npz"], "no such file"),
    (["train", "--data", "/nonexistent/folder"], "/nonexistent/folder"),
])
def test_bad_arguments_exit_2_with_one_readable_line(capsys, argv, fragment):
    code, out, err = run_cli(capsys, *argv)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0], err
    assert "Traceback" not in err


def test_model_that_does_not_fit_the_data(capsys, tmp_path):
    path = tmp_path / "small.npz"
    save_network(Network([2, 3, 2]), path)
    code, _, err = run_cli(capsys, "eval", "--model", str(path), "--dataset", "digits")
    assert code == 2 and "784 inputs" in err


def test_argparse_errors_are_one_line_too():
    proc = subprocess.run([sys.executable, "-m", "nnviz", "train", "--activation", "swish"],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "swish" in proc.stderr


def test_bench_reports_cases_and_forward_latency(capsys, monkeypatch):
    real_run = bench.run
    monkeypatch.setattr(bench, "run", lambda quick=False: real_run(seconds=0.02, rounds=1))
    code, out, _ = run_cli(capsys, "bench", "--json")
    result = last_json(out)
    assert code == 0
    assert [c["layers"] for c in result["cases"]] == [[784, 16, 16, 10], [784, 128, 64, 10]]
    for case in result["cases"]:
        assert case["nnviz_steps_per_s"] > 0
        assert {"torch_steps_per_s", "ratio", "batch"} <= case.keys()
    assert 0 < result["forward_latency_us"] < 10_000


def test_bench_says_the_lower_quartile_of_the_rounds_ratios_beside_the_median(monkeypatch):
    """The torch ratios must hold in every run: the bench gives the spread of its rounds too."""
    import time

    def fake_torch(case, data, lean):  # a contender that gets slower the longer it runs
        calls = [0]

        def step():
            calls[0] += 1
            time.sleep(1e-4 * (1 + calls[0] // 100))
        return step

    monkeypatch.setattr(bench, "_torch_stepper", fake_torch)
    result = bench.run(seconds=0.05, rounds=4)
    for case in result["cases"]:
        assert 0 < case["ratio_lower_quartile"] < case["ratio"] and case["rounds"] == 4
    assert "lower quartile" in bench.summary(result)


def test_each_play_is_compared_with_the_headless_runs_beside_it():
    """The machine's speed drifts: a play at 200 steps/s between headless runs at 100 and 300 ran at
    1.0x, not at the 1.2x the mean of all headless runs would make of it."""
    from nnviz.bench.rates import ratios_to_neighbours

    assert ratios_to_neighbours([100.0, 200.0], [100.0, 100.0, 300.0]) == [1.0, 1.0]


def test_plays_alternate_with_headless_runs_one_more_headless_run_closing_them():
    """The order a machine's drift needs: headless, play, headless, play, headless; each play's
    ratio to the two runs around it."""
    from nnviz.bench.rates import alternate

    order, speeds = [], iter([100.0, 150.0, 300.0])

    def headless():
        order.append("h")
        return next(speeds)

    def play():
        order.append("p")
        return 100.0 + 100.0 * order.count("p")

    plays, runs, ratios = alternate(play, headless, 2)
    assert order == ["h", "p", "h", "p", "h"]
    assert plays == [200.0, 300.0] and runs == [100.0, 150.0, 300.0]
    assert ratios == [200.0 / 125.0, 300.0 / 225.0]


def test_the_window_bench_takes_a_passing_memory_peak_for_no_growth():
    from nnviz.bench.gui import level_mb

    steady = [250.0, 251.0, 249.0, 250.0] * 4
    with_peak = steady[:-2] + [296.0, 280.0]  # a loss surface's temporaries at the last samples
    assert level_mb(with_peak) - level_mb(steady) < 1.0
    assert level_mb([s + 40 for s in steady]) - level_mb(steady) == 40.0  # growth is growth
    assert level_mb([]) == 0.0


def test_no_display_is_one_readable_line(monkeypatch, capsys):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert cli.main([]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no display" in err[0] and "--screenshot" in err[0]


def test_a_python_without_the_window_libraries_says_which_python_to_use():
    """`python -m nnviz` or a script run with another Python than the venv's (PySide6 missing)."""
    block = "import sys; sys.modules['PySide6'] = None; "
    command = block + "sys.argv = ['nnviz', '--screenshot', 'x.png']; import runpy; runpy.run_module('nnviz', run_name='__main__')"
    out = subprocess.run([sys.executable, "-c", command], capture_output=True, text=True, timeout=60)
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [out.stderr.strip()] and "PySide6" in out.stderr and "venv" in out.stderr
    script = subprocess.run([sys.executable, "-c", block + "from nnviz.gui.main_window import MainWindow"],
                            capture_output=True, text=True, timeout=60)
    assert script.returncode == 1 and "venv nnviz was installed in" in script.stderr.strip().splitlines()[-1]


def test_a_python_without_the_libraries_says_which_and_what_to_do():
    """Run outside the venv nnviz was installed in (here: without site-packages), ``python -m nnviz``
    and a script importing the window say so in one sentence, not a bare traceback."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    for args, missing in ((["-m", "nnviz", "--screenshot", "x.png"], "numpy"),
                          (["-c", "from nnviz.gui.main_window import MainWindow"], "PySide6")):
        done = subprocess.run([sys.executable, "-S", *args], cwd=root, capture_output=True, text=True, timeout=60)
        last = done.stderr.strip().splitlines()[-1]
        assert done.returncode == (2 if args[0] == "-m" else 1)  # the command line's code for it
        assert f"nnviz needs {missing}, which this Python ({sys.executable}) does not have" in last
        assert ". .venv/bin/activate" in last
