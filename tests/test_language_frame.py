"""The window's frame, its files and the command line in Chinese (#16): menus, docks, status figures,
the messages of the files and of the trainer, and ``nnviz --help``.  The errors raised in
``nnviz.core`` keep their English (``str(e)``) and are shown translated from their template."""
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from nnviz import cli_language
from nnviz.core import tables
from nnviz.core.errors import DataFileError, Message, NNVizError, translated
from nnviz.gui.language import install_translator

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def chinese(qapp):
    install_translator(qapp, "zh_CN")
    yield qapp
    install_translator(qapp, "en")


@pytest.fixture
def cli_chinese():
    cli_language.use_language("zh_CN")
    yield
    cli_language.use_language("en")


def bad_table(tmp_path) -> Path:
    """A CSV table whose third row has no label."""
    path = tmp_path / "flowers.csv"
    path.write_text("width,kind\n1.5,rose\n2.0,\n", encoding="utf-8")
    return path


def test_a_core_error_is_english_and_keeps_its_template_for_the_interface(tmp_path, cli_chinese):
    path = bad_table(tmp_path)
    with pytest.raises(DataFileError) as caught:
        tables.load_table(path)
    e = caught.value
    assert str(e) == f"{path}: row 3, column 2 'kind': an empty label (every row needs its class)"
    assert e.template == "{where}: an empty label (every row needs its class)"
    assert isinstance(e.params["where"], Message) and e.params["where"].params["row"] == "3"
    assert cli_language.error_text(e) == f"{path}：第 3 行，第 2 列 'kind'：标签是空的（每一行都需要写出它的类别）"
    # a message without a translation, or a plain exception, shows as it is
    assert translated(NNVizError("no template here"), cli_language.translate) == "no template here"
    assert translated(OSError("disk on fire"), cli_language.translate) == "disk on fire"


def test_a_translation_that_lost_a_placeholder_falls_back_to_the_english():
    message = Message("{path}: no such file", path="a.csv")
    assert message.translated(lambda context, text: "{file}：文件不存在") == "a.csv: no such file"
    assert message.translated(lambda context, text: "{path}：文件不存在") == "a.csv：文件不存在"


def test_the_divergence_message_survives_the_trainer_and_the_cli_in_chinese(cli_chinese):
    from nnviz.core import Network, Trainer, datasets

    trainer = Trainer(Network([2, 4, 2], activation="relu", loss="mse", output="linear", seed=0),
                      datasets.load("xor"), optimizer="sgd", lr=1e6, batch_size=4)
    state = next(s for s in (trainer.step() for _ in range(50)) if s.diverged)
    assert state.message.startswith(f"Training diverged at step {trainer.step_count + 1}:")
    shown = cli_language.error_text(state.message)
    assert shown.startswith(f"训练在第 {trainer.step_count + 1} 步发散了：学习率为 1e+06 时，")
    assert "请降低学习率，或者重置网络。" in shown


def run_cli(args, tmp_path, lang="C.UTF-8"):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": lang, "LC_ALL": "", "LC_MESSAGES": "",
           "HOME": str(tmp_path), "COLUMNS": "100"}
    return subprocess.run([sys.executable, "-m", "nnviz", *args], capture_output=True, text=True, env=env,
                          timeout=120, cwd=tmp_path)


def test_the_help_speaks_the_language_of_the_flag_or_the_system(tmp_path):
    flag = run_cli(["--lang", "zh_CN", "--help"], tmp_path)
    system = run_cli(["--help"], tmp_path, lang="zh_CN.UTF-8")
    english = run_cli(["--help"], tmp_path, lang="en_GB.UTF-8")
    for out in (flag, system, english):
        assert out.returncode == 0, out.stderr
    assert flag.stdout == system.stdout
    assert flag.stdout.startswith("用法：nnviz") and "显示这份帮助并退出" in flag.stdout
    assert "训练一个网络，可以选择保存下来" in flag.stdout and "--screenshot FILE" in flag.stdout
    assert english.stdout.startswith("usage: nnviz") and "train a network and optionally save it" in english.stdout
    sub = run_cli(["--lang=zh_CN", "train", "--help"], tmp_path)
    assert "学习率" in sub.stdout and "--lr LR" in sub.stdout


def test_the_help_stays_light(tmp_path):
    """``nnviz --help`` in Chinese loads QtCore's translator only: no widgets, no pyqtgraph."""
    script = textwrap.dedent("""
        import sys
        from nnviz import cli
        try:
            cli.main(["--lang", "zh_CN", "--help"])
        except SystemExit:
            pass
        print(sorted(m for m in ("PySide6.QtWidgets", "PySide6.QtGui", "pyqtgraph") if m in sys.modules))
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=tmp_path,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[-1] == "[]"


def test_cli_errors_in_chinese_and_in_english(tmp_path):
    path = bad_table(tmp_path)
    zh = run_cli(["train", "--data", str(path)], tmp_path, lang="zh_CN.UTF-8")
    en = run_cli(["train", "--data", str(path)], tmp_path, lang="en_US.UTF-8")
    assert zh.returncode == en.returncode == 2
    assert zh.stderr == f"nnviz train: 错误：{path}：第 3 行，第 2 列 'kind'：标签是空的（每一行都需要写出它的类别）\n"
    assert en.stderr == f"nnviz train: error: {path}: row 3, column 2 'kind': an empty label (every row needs its class)\n"
    missing = run_cli(["--lang", "zh_CN", "eval", "--model", str(tmp_path / "gone.npz")], tmp_path)
    assert missing.returncode == 2 and missing.stderr.strip().endswith("gone.npz：文件不存在")
    bad_flag = run_cli(["--lang", "zh_CN", "record", "--out", "a.gif", "--size", "huge"], tmp_path)
    assert bad_flag.returncode == 2 and "尺寸的写法是 宽x高（像素）" in bad_flag.stderr


def test_the_window_frame_speaks_chinese(qtbot, chinese, settings, tmp_path):
    from conftest import close_and_delete
    from nnviz.gui.main_window import MainWindow

    w = MainWindow(settings=settings, data_dir=tmp_path)
    asked = []
    w.confirm = lambda title, text: asked.append((title, text)) or True
    w.show()
    try:
        assert [a.text() for a in w.menuBar().actions()] == ["文件(&F)", "训练(&T)", "视图(&V)", "帮助(&H)"]
        step = w.findChild(type(w.menuBar().actions()[0]), "stepAction")
        assert step.text() == "单步" and step.toolTip() == "做一次小批量更新" and step.shortcut().toString() == "Right"
        assert w.docks["lossSurfaceDock"].windowTitle() == "损失曲面" and w.docks["controlsDock"].windowTitle() == "控制面板"
        export = w.findChild(type(step), "export_curvesDock")
        assert export.text() == "曲线" and "完整大小" in export.toolTip()
        assert w.status_labels["epoch"].toolTip() == "把训练集过了几遍（轮次）"
        assert "撤销 / 重做一笔" in w.shortcuts_text() and "单步" in w.shortcuts_text()
        assert w.presentation.action.text() == "演示模式(&P)"

        w.step(3)
        qtbot.waitUntil(lambda: w.current_state.step == 3 and not w.controller.worker.running, timeout=10000)
        assert w.status_labels["step"].text() == "第 3 步" and w.status_labels["loss"].text().startswith("损失 ")
        assert w.status_labels["accuracy"].text().startswith("小批量准确率 ")
        w.reset()
        assert asked[-1] == ("重置网络？", "已经训练了 3 步的网络将被丢弃。")

        w.controls.param("hidden").setValue("16,x")
        assert w.controls.message.text() == "隐藏层必须是用逗号隔开的整数，例如 16,16（而不是 '16,x'）"
        w.controls.param("hidden").setValue("16")

        path = bad_table(tmp_path)
        assert not w.data_files.open(path)
        assert w.banner.text.text() == f"{path}：第 3 行，第 2 列 'kind'：标签是空的（每一行都需要写出它的类别）"
        assert not w.open_model(tmp_path / "flowers.npz")
        assert w.banner.text.text() == f"{tmp_path / 'flowers.npz'}：文件不存在"
    finally:
        close_and_delete(w)


def test_divergence_and_its_ways_out_in_chinese(qtbot, chinese, settings, tmp_path):
    from conftest import close_and_delete
    from nnviz.gui.main_window import MainWindow

    w = MainWindow(settings=settings, data_dir=tmp_path)
    w.confirm = lambda title, text: True
    w.show()
    try:
        for key, value in (("dataset", "xor"), ("activation", "relu"), ("loss", "mse"), ("output", "linear"),
                           ("optimizer", "sgd"), ("lr", 1000.0)):
            w.controls.param(key).setValue(value)
        qtbot.waitUntil(lambda: w.current_state.layer_sizes[0] == 2, timeout=3000)
        w.play()
        qtbot.waitUntil(lambda: w.banner.isVisible(), timeout=10000)
        assert w.banner.text.text().startswith("训练在第 ") and "学习率为 1000 时" in w.banner.text.text()
        w.banner.buttons["学习率降为十分之一后继续"].click()
        assert w.controls.param("lr").value() == pytest.approx(100.0)
        assert not w.banner.isVisible()
    finally:
        close_and_delete(w)
