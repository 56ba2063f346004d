"""Every script in examples/ runs (with small settings) and prints what its docstring promises."""
import re
import subprocess
import sys
from pathlib import Path


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SMALL = {"zhou.py": ["--epochs", "300"], "three_blue_one_brown.py": ["--epochs", "2"],
         "vanishing_gradients.py": ["--steps", "3"], "optimizer_race.py": ["--steps", "30"]}


def run(name):
    out = subprocess.run([sys.executable, str(EXAMPLES / name), *SMALL.get(name, [])], capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_every_example_has_a_docstring_and_small_settings():
    for path in EXAMPLES.glob("*.py"):
        assert path.read_text().startswith('"""'), path
        assert path.name in SMALL, f"add {path.name} to SMALL so it is run"


def test_zhou_prints_the_tutorials_numbers():
    out = run("zhou.py")
    for number in ("0.999", "0.9526", "0.7216", "0.0474", "0.524", "0.02147"):
        assert number in out
    assert "Emily (-7, -3): " in out and out.split("Emily")[1].split("\n")[0].endswith("female")
    assert out.split("Frank")[1].split("\n")[0].endswith(" male")


def test_three_blue_one_brown_trains():
    out = run("three_blue_one_brown.py")
    accuracy = float(re.findall(r"test accuracy ([\d.]+)%", out)[-1])
    assert accuracy > 80


def test_vanishing_gradients_shows_sigmoid_losing_its_gradient():
    out = run("vanishing_gradients.py")
    ratios = {line.split(":")[0].strip(): float(line.split("first/last = ")[1])
              for line in out.splitlines() if "first/last" in line}
    assert ratios["sigmoid"] < 0.05 < ratios["relu"]
    assert ratios["sigmoid + batch norm"] > 10 * ratios["sigmoid"]


def test_optimizer_race_prints_every_landscape():
    out = run("optimizer_race.py")
    for name in ("bowl", "ravine", "saddle", "minima", "plateau"):
        assert f"{name} (start" in out
    assert out.count("Adam: loss") == 5
