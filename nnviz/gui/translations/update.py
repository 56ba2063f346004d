"""Remake the translation files from the source (a developer's tool, not used by the app).

    python -m nnviz.gui.translations.update [--font NotoSansCJK-Regular.ttc]

1. ``pyside6-lupdate`` collects every ``translate("Context", "text")`` and ``QT_TRANSLATE_NOOP`` of
   ``nnviz`` (the window, the command line, and the error messages of ``nnviz.core``) and the
   texts kept as data (lesson titles, texts and guided steps under "lessons"; the guided figures'
   names under "guided"; the loss surface's landscapes under "surfaces") into ``nnviz_zh_CN.ts``,
   keeping the translations already there and dropping texts no longer used;
2. ``pyside6-lrelease`` compiles it to ``nnviz_zh_CN.qm``;
3. with ``--merge FILE.json`` ([[context, source, translation], ...]): those translations are
   written into the catalogue first (how a batch translated outside Qt Linguist comes in);
4. with ``--font`` (needs fontTools): the font is cut down to the characters the catalogue uses
   (Simplified Chinese face of a Noto Sans CJK collection) and saved as ``NotoSansSC-nnviz.otf``.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
GUI = HERE.parent
PACKAGE = GUI.parent
CATALOGUE = HERE / "nnviz_zh_CN.ts"
COMPILED = HERE / "nnviz_zh_CN.qm"
FONT = HERE / "NotoSansSC-nnviz.otf"


def data_texts() -> list[tuple[str, str]]:
    """(context, text) of the texts kept as data: lessons, guided steps, guided figures."""
    from nnviz.guided import MEASURES
    from nnviz.lessons import LESSONS

    texts = []
    for lesson in LESSONS:
        texts += [("lessons", lesson.title), ("lessons", lesson.text)]
        for step in lesson.steps:
            texts += [("lessons", step.question), ("lessons", step.look), ("lessons", step.explain)]
            texts += [("lessons", choice.text) for choice in step.choices]
    texts += [("guided", what) for what, _ in MEASURES.values()]
    texts += surface_texts()
    return texts


def surface_texts() -> list[tuple[str, str]]:
    """("surfaces", text) of the loss surface's landscapes: their names and what each one is."""
    from nnviz.core.surface import SURFACES, neuron_surface, zhou_surface

    return [("surfaces", name) for name in SURFACES] + \
        [("surfaces", s.text) for s in (*SURFACES.values(), neuron_surface(), zhou_surface())]


def tool(name: str) -> str:
    """The path of a PySide6 tool beside this Python (pyside6-lupdate...)."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: it comes with PySide6 (pip install PySide6-Essentials)")
    return found


def source_files() -> list[Path]:
    """The modules whose texts are translated: every one of ``nnviz`` but this folder's."""
    return sorted(p for p in PACKAGE.rglob("*.py") if "translations" not in p.relative_to(PACKAGE).parts)


def update_catalogue() -> None:
    sources = [str(p) for p in source_files()]
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data_texts.py"
        data.write_text("\n".join(f"QT_TRANSLATE_NOOP({c!r}, {t!r})" for c, t in data_texts()) + "\n",
                        encoding="utf-8")
        subprocess.run([tool("pyside6-lupdate"), *sources, str(data), "-locations", "none", "-no-obsolete",
                        "-target-language", "zh_CN", "-ts", str(CATALOGUE)], check=True)


def compile_catalogue(target: Path = COMPILED) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(CATALOGUE), "-qm", str(target)], check=True,
                   capture_output=True)


def translations() -> dict[tuple[str, str], str]:
    """(context, source) -> the finished translation, from the catalogue."""
    found = {}
    for context in ET.parse(CATALOGUE).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None and translation.text:
                found[(name, message.findtext("source"))] = translation.text
    return found


def merge(path: Path) -> int:
    """Write the translations of ``path`` into the catalogue; returns how many matched a text."""
    given = {(c, source): text for c, source, text in json.loads(path.read_text(encoding="utf-8"))}
    tree = ET.parse(CATALOGUE)
    matched = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            text = given.get((name, message.findtext("source")))
            translation = message.find("translation")
            if text and translation is not None and message.get("numerus") != "yes":
                translation.text = text
                translation.attrib.pop("type", None)
                matched += 1
    with open(CATALOGUE, "wb") as f:
        f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(f, encoding="utf-8", xml_declaration=False)
    return matched


#: The bundled font's line: ascent and descent in font units (1000 to the em).
LINE_ASCENT_DESCENT = (920, 240)


def subset_font(collection: Path) -> None:
    from fontTools import subset, ttLib

    faces = ttLib.TTCollection(str(collection)).fonts
    face = next(f for f in faces if "SC" in f["name"].getDebugName(1))
    characters = set("".join(translations().values())) | set(chr(c) for c in range(0x20, 0x7F))
    options = subset.Options()
    options.name_IDs = ["*"]
    options.layout_features = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(characters)))
    subsetter.subset(face)
    # Lines as tall as the Latin interface font's (DejaVu Sans: 1.16 em), not Noto CJK's 1.45 em: Qt
    # sizes a line by the font that draws it, and every Chinese row of buttons and labels was a fifth
    # taller (the window in presentation mode at 1280x720 needed 765 px).  The ideographs' em box
    # (-0.12 .. 0.88 em) stays inside the line.
    ascent, descent = LINE_ASCENT_DESCENT
    face["hhea"].ascent, face["hhea"].descent, face["hhea"].lineGap = ascent, -descent, 0
    os2 = face["OS/2"]
    os2.usWinAscent, os2.usWinDescent = ascent, descent
    os2.sTypoAscender, os2.sTypoDescender, os2.sTypoLineGap = ascent, -descent, 0
    face.save(str(FONT))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--merge", type=Path, help="a JSON list of [context, source, translation] to write in")
    parser.add_argument("--font", type=Path, help="a Noto Sans CJK collection (.ttc) to cut the bundled font from")
    args = parser.parse_args(argv)
    update_catalogue()
    if args.merge:
        print(f"{merge(args.merge)} translations merged from {args.merge}")
    compile_catalogue()
    if args.font:
        subset_font(args.font)
    done = len(translations())
    total = sum(1 for _ in ET.parse(CATALOGUE).getroot().iter("message"))
    print(f"{CATALOGUE.name}: {done} of {total} texts translated; {COMPILED.name} written"
          + (f"; {FONT.name} {FONT.stat().st_size:,} bytes" if args.font else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
