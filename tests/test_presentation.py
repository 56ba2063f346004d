"""Presentation mode (issue #15): F5 makes everything larger and high-contrast and collapses the
controls; F5 again (or Esc) puts the layout back exactly; nothing of it is remembered.  And pictures:
a pane behind a tab is exported at its real size; SVG keeps contour lines thin."""
import json
import math
import os
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication

from nnviz.gui import presentation
from nnviz.gui.network_edges import bucket_pen
from nnviz.gui.picture_export import flatten_cosmetic_lines

ROOT = Path(__file__).resolve().parents[1]
SVG = "{http://www.w3.org/2000/svg}"


def settle(seconds: float = 0.2) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def layout(window) -> dict:
    """What presentation mode may change and must give back (a pane behind a tab has no size to
    give back: Qt sizes it when it is raised)."""
    return {"geometry": window.geometry().getRect(), "state": bytes(window.saveState()),
            "docks": {n: (d.isVisible(), d.isFloating(), d.visibleRegion().isEmpty() or d.size().toTuple())
                      for n, d in window.docks.items()},
            "font": window.font().pointSizeF(), "text": window.palette().color(QPalette.WindowText).name(),
            "tree": window.controls.tree.isVisible()}


def on_screen(window, dock) -> bool:
    """Shown in the window (a tab behind another is moved out of it)."""
    return dock.isVisible() and window.rect().intersects(dock.geometry())


def axes(window) -> list:
    return [item for item in window.curves.findChild(pg.GraphicsView).scene().items()
            if isinstance(item, pg.AxisItem) and item.isVisible()]


def test_f5_twice_puts_the_layout_back_exactly(window):
    settle()
    before = layout(window)
    window.presentation.action.trigger()  # View > Presentation mode (F5)
    settle()
    assert window.presentation.active and window.presentation.action.isChecked()
    assert layout(window)["state"] != before["state"]
    window.presentation.action.trigger()
    settle()
    assert not window.presentation.active and not window.presentation.action.isChecked()
    assert layout(window) == before
    assert presentation.look() == presentation.NORMAL
    assert all(a.style["tickFont"] is None for a in axes(window))


def test_esc_leaves_presentation_mode_and_is_the_pads_otherwise(window, qtbot):
    settle()
    before = layout(window)
    assert not window.presentation.leave_action.isEnabled()  # Esc still clears the pad
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key_F5)
    settle()
    assert window.presentation.active
    qtbot.keyClick(window, Qt.Key_Escape)
    settle()
    assert not window.presentation.active and layout(window) == before


def test_presentation_mode_is_large_high_contrast_and_shows_only_the_essentials(window):
    window.load_lesson(0)  # a lesson: its text is shown beside the buttons
    settle()
    normal = window.font().pointSizeF()
    tick = axes(window)[0].style["tickFont"] or window.curves.font()
    normal_tick = tick.pointSizeF()
    train_curve = next(i for i in window.curves.findChild(pg.GraphicsView).scene().items()
                       if isinstance(i, pg.PlotDataItem))
    normal_width = train_curve.opts["pen"].widthF() or 1.0
    window.presentation.action.trigger()
    settle()
    # fonts and lines
    assert window.font().pointSizeF() >= 1.5 * normal
    assert window.status_labels["loss"].font().pointSizeF() >= 1.5 * normal
    assert window.controls.preset_text.font().pointSizeF() >= 1.5 * normal  # styled: no font from its parent
    assert all(a.style["tickFont"].pointSizeF() >= 1.5 * normal_tick for a in axes(window))
    assert train_curve.opts["pen"].widthF() >= 2 * normal_width
    assert bucket_pen(15, 1.0, False, presentation.look()).widthF() >= 2 * bucket_pen(15).widthF()
    # contrast
    assert window.palette().color(QPalette.WindowText).name() == "#000000"
    assert window.palette().color(QPalette.Window).name() == "#ffffff"
    assert presentation.look().background == (0, 0, 0)
    # the controls: buttons, lessons and the lesson's text; no settings
    c = window.controls
    assert not c.tree.isVisible()
    assert all(b.isVisible() for b in c.buttons.values()) and c.preset.isVisible() and c.preset_text.isVisible()
    # the panes below the diagram: one row of tabs, one pane on screen
    bottom = ["lossSurfaceDock", "curvesDock", "layersDock", "formulaDock"]
    assert set(window.tabifiedDockWidgets(window.docks["curvesDock"])) == {window.docks[n] for n in bottom[:1] + bottom[2:]}
    assert sum(on_screen(window, window.docks[n]) for n in bottom) == 1


def test_plot_items_added_while_presenting_get_wide_pens(window):
    settle()
    window.presentation.action.trigger()
    curve = window.curves.acc_plot.plot([0, 1], [0, 1], pen=pg.mkPen("r", width=1))
    window.presentation.restyle()  # what its timer does every second
    assert curve.opts["pen"].widthF() == 2.0
    window.presentation.action.trigger()
    assert curve.opts["pen"].widthF() == 1.0


def test_closing_while_presenting_remembers_the_layout_from_before(window, settings):
    settle()
    before = layout(window)
    window.presentation.action.trigger()
    settle()
    window.close()
    assert bytes(settings.value("windowState")) == before["state"]
    assert presentation.look() == presentation.NORMAL


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_presentation_mode_at_1280x720_cuts_no_text_and_stays_inside_the_screen(lang):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    env.pop("QT_QPA_PLATFORM", None)
    out = subprocess.run([sys.executable, str(ROOT / "tests" / "presentation_check.py"), "1280x720", "--lang", lang],
                         env=env,
                         capture_output=True, text=True, timeout=600, cwd=ROOT / "tests")
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["problems"] == []  # inside the screen, every docked pane at least 120 px high
    assert result["texts"] == []  # every label, button and combo box fits (or is elided with a tooltip)
    normal, presenting = result["record"]["font"]
    assert presenting >= 1.5 * normal
    x, y, w, h = result["record"]["presentation"]["window"]
    assert x >= 0 and y >= 0 and x + w <= 1280 and y + h <= 720


# ------------------------------------------------------------------ pictures
def test_a_pane_behind_a_tab_is_exported_at_its_full_size(window, tmp_path):
    settle()
    layers = window.layer_charts
    assert not on_screen(window, window.docks["layersDock"])  # behind the Curves tab
    front = window.curves.size()
    assert window.export(layers, tmp_path / "layers.png")
    image = QImage(str(tmp_path / "layers.png"))
    assert (image.width(), image.height()) == (front.width(), front.height())
    assert on_screen(window, window.docks["layersDock"])  # raised: what was exported is on screen


def effective_strokes(svg: Path) -> list:
    """[(stroke colour, stroke opacity, width on the page)] of every stroked path: its pen's width
    times the scale of the transforms above it (SVG programs that ignore non-scaling-stroke draw that)."""
    found = []

    def walk(element, scale, style):
        style = {**style, **{k: v for k, v in element.attrib.items() if k.startswith("stroke")}}
        match = re.match(r"matrix\(([^)]*)\)", element.get("transform", ""))
        if match:
            a, b, c, d, _, _ = (float(v) for v in re.split(r"[\s,]+", match.group(1).strip()))
            scale *= math.sqrt(abs(a * d - b * c))
        if element.tag == SVG + "path" and style.get("stroke", "none") != "none":
            found.append((style["stroke"], float(style.get("stroke-opacity", 1)),
                          float(style.get("stroke-width", 1)) * scale))
        for child in element:
            walk(child, scale, style)

    walk(ET.parse(svg).getroot(), 1.0, {})
    return found


def test_svg_export_keeps_contour_lines_thin(window, tmp_path):
    window.docks["lossSurfaceDock"].raise_()
    deadline = time.monotonic() + 20
    while (window.loss_surface.jobs.busy() or all(c.data is None for c in window.loss_surface.plot.contours)) \
            and time.monotonic() < deadline:
        settle(0.05)
    assert window.export(window.loss_surface, tmp_path / "surface.svg")
    strokes = effective_strokes(tmp_path / "surface.svg")
    contours = [w for colour, opacity, w in strokes if colour == "#ffffff" and opacity < 0.5]
    assert contours and max(contours) <= 2  # lines, not bands
    assert max(w for _, _, w in strokes) <= 2.5 * 1.01  # the widest pen of the pane (the arrows)


def test_flatten_cosmetic_lines_maps_points_and_leaves_other_groups_alone():
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
           '<g stroke="#000" stroke-width="1" transform="matrix(2,0,0,-3,10,20)">'
           '<path vector-effect="non-scaling-stroke" d="M1,1 L2,2 C3,3 4,4 5,5 Z"/></g>'
           '<g stroke="#000" stroke-width="1" transform="matrix(2,0,0,2,0,0)"><path d="M1,1 L2,2"/></g></svg>')
    root = ET.fromstring(flatten_cosmetic_lines(svg.encode()))
    cosmetic, scaled = root.findall(SVG + "g")
    assert "transform" not in cosmetic.attrib
    assert cosmetic.find(SVG + "path").get("d") == "M 12,17 L 14,14 C 16,11 18,8 20,5 Z"
    assert scaled.get("transform") == "matrix(2,0,0,2,0,0)"  # a pen in the data's units scales with it
    assert scaled.find(SVG + "path").get("d") == "M1,1 L2,2"


def test_a_picture_that_cannot_be_written_is_reported_and_leaves_nothing(window, tmp_path):
    target = tmp_path / "missing" / "x.png"
    assert not window.export(window.curves, target)
    assert "does not exist" in window.banner.text.text() and str(target) in window.banner.text.text()
    assert not target.parent.exists() and not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))
