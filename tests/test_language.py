"""The interface in Simplified Chinese through Qt's translation system: choosing the language,
installing it, the catalogue complete and compiled, the bundled font, View > Language."""
import ast
import os
import re
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

from nnviz.gui import language
from nnviz.gui.language import choose_language, install_translator, language_code, translate
from nnviz.gui.translations import update

GUI = Path(language.__file__).parent
#: Modules whose user-visible texts all go through translate() so far (issue #16 goes on with the rest).
TRANSLATED_MODULES = ("welcome.py", "banner.py", "guide_panel.py", "language.py", "neuron_detail.py",
                      "formula_view.py", "sample_browser.py", "prediction_view.py", "input_view.py", "image_files.py",
                      "playground.py", "timeline.py", "share.py", "record_dialog.py", "record_menu.py", "inputs.py",
                      "../training/worker.py", "../training/child.py", "network_layout.py", "elided_label.py", "surface/view_3d.py",
                      "surface/computations.py", "surface/jobs.py", "controls.py", "main_window.py", "menus.py",
                      "help_texts.py", "controller.py", "model_files.py", "data_files.py", "app.py",
                      "presentation_mode.py", "presentation.py", "picture_export.py", "screen_fit.py", "fitted_text.py",
                      "recorder.py", "lifetime.py", "offscreen.py", "throttled.py", "heap.py", "point_editor.py", "curves.py",
                      "layer_charts.py", "fit_view.py", "surface/view.py", "surface/modes.py", "surface/plot.py",
                      "surface/maths.py", "network_view.py", "network_canvas.py", "drawing_pad.py")
#: Every module of nnviz/gui (the catalogue's own tools aside), and of nnviz/training when the trainer has a
#: package of its own (as "../training/worker.py"), as a path relative to nnviz/gui.
ALL_GUI = tuple(sorted(Path(os.path.relpath(p, GUI)).as_posix() for folder in (GUI, GUI.parent / "training")
                       for p in folder.rglob("*.py") if "translations" not in p.parts))
#: The modules of nnviz/gui that show no text of their own;
#: every other one must put its texts through translate().
SILENT_MODULES = ("__init__.py", "elided_label.py", "heap.py", "lifetime.py", "network_edges.py",
                  "playground.py", "presentation.py", "screen_fit.py", "throttled.py", "surface/__init__.py",
                  "surface/computations.py", "surface/jobs.py", "../training/__init__.py", "../training/wire.py",
                  "../training/frames.py", "../training/channel.py")
#: Calls that put a text in front of the user.
SINKS = {"setText", "setToolTip", "setWindowTitle", "setPlaceholderText", "setStatusTip", "setTitle", "addItem",
         "addAction", "addMenu", "QLabel", "QPushButton", "QAction", "QCheckBox", "QRadioButton", "QGroupBox",
         "QDockWidget", "show_message", "showMessage", "setLabel", "information", "warning", "critical", "question",
         "setHtml", "addTab", "QToolButton", "setItemText", "insertItem", "_action", "drawText", "drawStaticText",
         "QStaticText", "setPrefix", "setSuffix", "setSpecialValueText", "TallLabel", "ElidedLabel", "TextItem",
         "setWhatsThis", "getSaveFileName", "getOpenFileName", "getExistingDirectory"}
#: Arguments of a sink that are not shown: a plot's side ("bottom"), a file dialog's parent and folder or file name.
NOT_SHOWN = {"setLabel": (0,), "getSaveFileName": (0, 2), "getOpenFileName": (0, 2), "getExistingDirectory": (0, 2)}


@pytest.fixture
def chinese(qapp):
    install_translator(qapp, "zh_CN")
    yield qapp
    install_translator(qapp, "en")


def test_the_language_is_chosen_from_the_flag_the_setting_then_the_system(monkeypatch, settings):
    assert [language_code(x) for x in ("zh_CN.UTF-8", "zh-CN", "zh", "en_GB.UTF-8", "C", "fr_FR", "zh_TW")] == \
        ["zh_CN", "zh_CN", "zh_CN", "en", "en", None, None]
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert choose_language() == "zh_CN"
    assert choose_language("en") == "en"  # the flag wins
    settings.setValue("language", "en")
    assert choose_language(settings=settings) == "en"  # then View > Language
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert choose_language() == "en"
    with pytest.raises(ValueError, match="zh_CN"):
        choose_language("klingon")


def test_installed_chinese_translates_the_window_and_english_comes_back(qtbot, chinese, settings, tmp_path):
    from conftest import close_and_delete
    from nnviz.gui.main_window import MainWindow

    assert translate("GuidePanel", "Next") == "下一步"
    w = MainWindow(settings=settings, data_dir=tmp_path)
    w.show()
    try:
        assert w.controls.preset.itemText(0) == "课程：选一课……"
        assert w.controls.preset.itemText(1).startswith("3Blue1Brown：")
        w.load_lesson("Vanishing gradients: 8")
        assert "梯度" in w.controls.guide.question.text() and w.controls.guide.back.text() == "上一步"
        assert w.welcome.text.text().startswith("<b>欢迎使用 nnviz。</b>")
    finally:
        close_and_delete(w)
    install_translator(chinese, "en")
    assert translate("GuidePanel", "Next") == "Next"


def test_a_script_that_installs_the_translator_gets_the_system_language(tmp_path):
    script = textwrap.dedent("""
        from PySide6.QtWidgets import QApplication
        from nnviz.gui.app import install_translator
        app = QApplication([])
        print(install_translator(app))
        from nnviz.gui.main_window import MainWindow
        w = MainWindow(remember=False)
        print(w.controls.preset.itemText(0))
        w.close()
    """)
    env = {"QT_QPA_PLATFORM": "offscreen", "LANG": "zh_CN.UTF-8", "PYTHONPATH": str(GUI.parents[1]),
           "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120,
                         cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[:2] == ["zh_CN", "课程：选一课……"]


def literal_texts(path: Path):
    """(context, text, line) of every translate("ctx", "text") and QT_TRANSLATE_NOOP("ctx", "text") in ``path``."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None))
                in ("translate", "QT_TRANSLATE_NOOP") and len(node.args) >= 2
                and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args[:2])):
            yield node.args[0].value, node.args[1].value, node.lineno


def test_the_catalogue_translates_every_wrapped_text():
    done = update.translations()
    missing = [f"{p.name}:{line} [{ctx}] {text}" for p in update.source_files()
               for ctx, text, line in literal_texts(p) if (ctx, text) not in done]
    missing += [f"data [{ctx}] {text}" for ctx, text in update.data_texts() if (ctx, text) not in done]
    assert not missing, "\n".join(missing)


def test_translations_keep_their_placeholders():
    for (ctx, source), text in update.translations().items():
        assert sorted(re.findall(r"\{\w*\}", text)) == sorted(re.findall(r"\{\w*\}", source)), (ctx, source, text)


def test_the_shipped_qm_is_compiled_from_the_catalogue(tmp_path):
    update.compile_catalogue(tmp_path / "fresh.qm")
    assert (tmp_path / "fresh.qm").read_bytes() == update.COMPILED.read_bytes()


def _texty(node) -> bool:
    """A literal with words in it (HTML tags are not words)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(c.isalpha() for c in re.sub(r"<[^>]*>", "", node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_texty(v) for v in node.values)
    return isinstance(node, ast.BinOp) and (_texty(node.left) or _texty(node.right))


def bare_texts(name: str) -> list[str]:
    """"module:line" of every literal text the module ``name`` (relative to nnviz/gui) shows without translate()."""
    bare = []
    for node in ast.walk(ast.parse((GUI / name).read_text(encoding="utf-8"))):
        call = getattr(node.func, "id", getattr(node.func, "attr", None)) if isinstance(node, ast.Call) else None
        if call in SINKS:
            shown = [a for i, a in enumerate(node.args) if i not in NOT_SHOWN.get(call, ())]
            shown += [k.value for k in node.keywords if k.arg in ("text", "tip", "title", "label")]
            bare += [f"{name}:{node.lineno}" for a in shown if _texty(a)]
    return bare


def translates(name: str) -> bool:
    """Whether the module ``name`` puts a text through translate() or QT_TRANSLATE_NOOP."""
    return any(True for _ in literal_texts(GUI / name))


def test_no_user_visible_text_is_left_unwrapped_in_the_translated_modules():
    bare = [where for name in TRANSLATED_MODULES for where in bare_texts(name)]
    assert not bare, bare


def test_the_text_check_finds_a_bare_text_and_spares_what_is_not_shown(tmp_path, monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "GUI", tmp_path)
    (tmp_path / "x.py").write_text(textwrap.dedent("""
        plot.setLabel("bottom", translate("X", "step"))
        QFileDialog.getSaveFileName(self, translate("X", "Save points"), "points.csv", translate("X", "CSV (*.csv)"))
        painter.drawText(rect, Qt.AlignCenter, "no network yet")
        spin.setSuffix(f" edges per {name}")
    """))
    assert bare_texts("x.py") == ["x.py:4", "x.py:5"]


def test_the_silent_modules_are_real_and_show_nothing():
    assert set(SILENT_MODULES) <= set(ALL_GUI) and set(TRANSLATED_MODULES) <= set(ALL_GUI)
    assert not [name for name in SILENT_MODULES if translates(name) or bare_texts(name)]


def test_every_gui_module_that_shows_text_translates_it():
    """The whole of nnviz/gui, not a list: a new module with texts is checked from its first commit."""
    talking = [name for name in ALL_GUI if name not in SILENT_MODULES]
    assert not [where for name in talking for where in bare_texts(name)]
    assert not [name for name in talking if not translates(name)], "texts without translate(), or a silent module"


def test_the_bundled_font_has_every_character_of_the_catalogue(qapp):
    from PySide6.QtGui import QRawFont

    font = QRawFont(str(language.FONT_FILE), 12)
    assert font.isValid() and "Noto Sans CJK SC" in font.familyName()
    characters = set("".join(update.translations().values())) - set(" \n")
    assert not [c for c in characters if not font.supportsCharacter(ord(c))]
    assert not font.supportsCharacter(ord("鬼"))  # a subset: only what the catalogue uses
    assert language.cjk_family() is not None


def test_view_language_remembers_the_choice_and_says_when_it_applies(window, settings):
    action = window.findChild(type(window.menuBar().actions()[0]), "language_zh_CN")
    assert action is not None and not action.isChecked()
    action.trigger()
    assert settings.value("language") == "zh_CN" and action.isChecked()
    assert "next time" in window.banner.text.text()
    assert choose_language(settings=settings) == "zh_CN"


def test_the_catalogue_is_well_formed_for_qt_linguist():
    root = ET.parse(update.CATALOGUE).getroot()
    assert root.tag == "TS" and root.get("language") == "zh_CN"


def test_the_formulas_neuron_lab_and_test_digits_speak_chinese_with_the_same_numbers(qtbot, chinese, tmp_path):
    from nnviz.core import Network, Trainer, datasets, load_pretrained
    from nnviz.core.errors import DataFileError
    from nnviz.gui.formula_view import FormulaView, neuron_html
    from nnviz.gui.image_files import load_image
    from nnviz.gui.sample_browser import SampleBrowser

    net = Network([2, 3, 2], activation="tanh", loss="cross_entropy", norm="layer", dtype=np.float64, seed=3)
    state = Trainer(net, datasets.load("xor"), batch_size=4).state
    formulas = FormulaView()
    qtbot.addWidget(formulas)
    formulas.show()
    formulas.set_state(state)
    formulas.select(2, 1)
    shown = formulas.text.toPlainText()
    assert "输出层的神经元 1" in shown and "损失（交叉熵，真实类别" in shown and "链式法则" in shown
    install_translator(chinese, "en")
    english = re.sub("<[^>]+>", " ", neuron_html(state, 1, 1))
    install_translator(chinese, "zh_CN")
    assert "Loss" in english and "损失" not in english
    assert re.findall(r"-?\d+\.\d+", shown) == re.findall(r"-?\d+\.\d+", english)  # the same numbers, in order
    formulas.select(1, 0)
    assert "第 1 个隐藏层的神经元 0" in formulas.text.toPlainText()
    assert "进入激活函数之前，层归一化把它缩放为" in formulas.text.toPlainText()

    digits = datasets.load("digits")
    pretrained = load_pretrained("3b1b")
    browser = SampleBrowser(digits, pretrained)
    qtbot.addWidget(browser)
    browser.wrong_only.setChecked(True)
    wrong = int((pretrained.predict(digits.X_test) != digits.labels_test).sum())
    assert browser.windowTitle() == "测试集数字" and browser.wrong_only.text() == "只看网络认错的数字"
    assert browser.position.text() == f"1 / {wrong:,}"
    assert browser.caption.text().endswith(f"；网络认为是 {pretrained.predict(digits.X_test[browser.current_index()][None])[0]}")

    (tmp_path / "garbage.png").write_bytes(b"not a picture")
    with pytest.raises(DataFileError, match="garbage.png：无法读取的图片"):
        load_image(tmp_path / "garbage.png")


def test_the_neuron_panel_speaks_chinese(qtbot, chinese, settings, tmp_path):
    from conftest import close_and_delete
    from nnviz.gui.main_window import MainWindow

    w = MainWindow(settings=settings, data_dir=tmp_path)
    w.show()
    try:
        w.network_view.select(1, 3)
        detail = w.network_view.detail
        assert detail.title.text() == "第 1 层，神经元 3" and detail.weights_caption.text() == "输入权重：它在寻找什么"
        assert "还没有（还没训练过）" in detail.gradient_caption.text() and "偏置 " in detail.numbers.text()
        assert detail.off.text() == "关掉它"
        w.network_view.select(3, 7)
        assert detail.title.text().startswith("输出 7")
    finally:
        close_and_delete(w)


def test_the_timeline_recording_and_input_names_speak_chinese(qtbot, chinese, settings, tmp_path):
    from conftest import close_and_delete
    from nnviz.core import Network, Trainer, datasets
    from nnviz.core.history import History
    from nnviz.gui.inputs import sample_caption
    from nnviz.gui.main_window import MainWindow
    from nnviz.gui.network_layout import MAX_INPUT_NODES, MAX_SHOWN, compute_layout
    from nnviz.gui.record_dialog import RecordDialog
    from nnviz.gui.surface import opengl_available
    from nnviz.panes import PANES

    digits = datasets.load("digits")
    assert sample_caption(digits, 79) == f"测试集数字 #79（是 {digits.labels_test[79]}）"
    assert "改为显示 2-D" in opengl_available()[1]
    hidden = compute_layout([99, 128, 10], 800, 500, first=[0, 8, 0]).hidden_text()
    assert hidden == (f"只画出了一部分：输入层共 99 个神经元，显示其中 {MAX_INPUT_NODES} 个；"
                      f"第 1 层共 128 个神经元，显示其中 {MAX_SHOWN} 个 (#8-{8 + MAX_SHOWN - 1})")
    w = MainWindow(settings=settings, data_dir=tmp_path)
    w.show()
    try:
        w.load_lesson("Vanishing gradients: 8")
        history = History(max_states=10)
        trainer = Trainer(Network([2, 3, 2], seed=1), datasets.load("xor"), batch_size=4)
        for _ in range(3):
            history.append(trainer.step())
        w.timeline.show_position(history, history[0])
        assert w.timeline.label.text() == f"第 {history[0].step} 步  （比最新一步早 2 步；按 End 返回）  历史记录 3/10"
        assert w.timeline.record_button.toolTip().startswith("在训练或拖动时间轴的同时")
        assert w.findChild(type(w.menuBar().actions()[0]), "recordAction").text() == "录制(&R)……"
        dialog = RecordDialog(w, str(tmp_path / "a.gif"), "surface", 10)
        assert dialog.windowTitle() == "录制" and dialog.pane.currentText() == "损失曲面"
        assert [dialog.pane.itemData(i) for i in range(dialog.pane.count())] == list(PANES)  # the keys stay English
        assert re.fullmatch(r"10 秒约 \d+(\.\d)? [kM]B（\d+x\d+，动态 GIF）", dialog.estimate.text())
        dialog.deleteLater()
        w.controls.setFocus()  # no pane of its own: the whole window
        w.recording.copy_image()
        assert w.statusBar().currentMessage() == "已把整个窗口的图片复制到剪贴板"
    finally:
        close_and_delete(w)


def test_the_pane_titles_are_the_panes_own_words():
    from nnviz.gui.share import PANE_TITLES
    from nnviz.panes import PANES

    assert PANE_TITLES == {name: what for name, (_, _, what) in PANES.items()}


def test_the_controls_in_chinese(qtbot, chinese, settings, tmp_path):
    """The transport buttons, the speeds and the settings tree's titles and tooltips; the values a
    setting holds (sigmoid, adam, cross_entropy) stay as they are."""
    from conftest import close_and_delete
    from nnviz.gui.main_window import MainWindow

    w = MainWindow(settings=settings, data_dir=tmp_path)
    try:
        c = w.controls
        assert c.buttons["playButton"].text() == "播放" and "空格键" in c.buttons["playButton"].toolTip()
        assert c.speed.itemText(0) == "全速"
        assert c.param("lr").title() == "学习率" and c.params.child("Training").title() == "训练"
        assert "学习率" in c.param("lr").opts["tip"]
        assert c.param("loss").value() == "cross_entropy" and c.param("activation").value() == "sigmoid"
        c.param("loss").setValue("mse")  # the Chinese name shows, the value is the same
        assert c.architecture()["loss"] == "mse"
    finally:
        close_and_delete(w)


def test_the_panes_speak_chinese_and_keep_their_keys(qtbot, chinese, settings, tmp_path):
    """The diagram, the drawing pad, the loss surface, the curves, the Layers charts and the points
    editor in Chinese; what code looks up (edge colourings, surface modes, landscapes) stays English."""
    from conftest import close_and_delete
    from nnviz.core import datasets
    from nnviz.gui.inputs import sample_caption
    from nnviz.gui.main_window import MainWindow
    from nnviz.gui.surface.maths import default_pair

    digits = datasets.load("digits")
    label = int(digits.labels_test[79])
    w = MainWindow(settings=settings, data_dir=tmp_path)
    w.show()
    try:
        view = w.network_view
        assert [view.mode.itemText(i) for i in range(view.mode.count())] == ["权重", "梯度", "贡献"]
        view.mode.setCurrentIndex(2)
        assert view.edge_mode() == "contribution" and view.top_k.specialValueText() == "所有连线"
        assert view.hover_text(1, 3).startswith("第 1 层，神经元 3\nz = Σ w·a + b = ")
        assert "个输入，偏置 b = " in view.hover_text(1, 3)

        pad = w.pad_pane
        assert pad.source.text() == "写一个数字：它会按 MNIST 的方式居中并缩放"
        pad.pad.set_sample(digits.X_test[79], sample_caption(digits, 79), label)
        assert pad.source.text() == f"网络的输入：测试集数字 #79（是 {label}），原样输入"
        assert view.input_caption == f"测试集数字 #79（是 {label}），原样输入，在画板上"

        assert w.curves.loss_plot.titleLabel.text == "损失" and w.curves.acc_plot.getAxis("bottom").labelText == "步数"
        charts = w.layer_charts
        assert "每层梯度范数" in charts.title.text() and charts.hist_plot.getAxis("left").labelText == "隐藏层"
        assert default_pair([3, 4, 2])[1] == ("w[第 1 层][0,0]", "w[第 2 层][0,0]")

        surface = w.loss_surface
        assert surface.mode.itemText(0) == "这个网络（PCA 平面）" and surface.mode.itemData(0) == "plane"
        surface.set_mode("race")
        assert surface.race_play.text() == "播放"
        surface.landscape.setCurrentIndex(1)
        assert surface.landscape.currentText() == "峡谷" and surface.model.landscape == "ravine"
        assert surface.info.text().startswith("一条又长又窄的峡谷")
        surface.step_race()
        assert surface.message.text().startswith("第 1 步，损失：")
        surface.landscape.setCurrentIndex(surface.landscape.count() - 1)
        assert surface.landscape.currentText() == "这个网络" and surface.model.network_race_mode()

        w.load_lesson("Playground: spiral")
        points = w.points
        held = int(points.test.sum())
        assert points.info.text() == f"{len(points.X)} 个点，其中 {held} 个留作测试（空心）"
        assert points.brush.text() == "笔刷" and points.clear_button.text() == "清空"
    finally:
        close_and_delete(w)
