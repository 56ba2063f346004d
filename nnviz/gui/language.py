"""The window's language: English or Simplified Chinese, through Qt's own translation system.

Every user-visible text in ``nnviz.gui`` goes through :func:`translate` (``translate("Context",
"English text")``, which ``pyside6-lupdate`` finds in the source); the catalogue
``translations/nnviz_zh_CN.ts`` holds the Chinese and is compiled to ``nnviz_zh_CN.qm`` (shipped
in the package; ``python -m nnviz.gui.translations.update`` remakes both).  Texts that live as data
outside the GUI (lessons, guided steps, the loss surface's landscapes) are translated where the GUI
shows them, under the contexts "lessons", "guided" and "surfaces".

The language is, in order: ``lang`` given (``nnviz --lang zh_CN``), the one chosen in View >
Language (the ``language`` setting), the system's (``LANG=zh_CN.UTF-8`` gives Chinese), English.
:func:`install_translator` installs it before the window is built; a script that calls it gets the
same window as ``nnviz``.  Chinese needs a font with its characters: a system one is used when
there is one, else the bundled subset of Noto Sans SC (SIL Open Font License, in ``translations/``).
"""
from __future__ import annotations

import os
import weakref
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from nnviz.cli_language import LANGUAGES, language_code
from nnviz.core.errors import translated

FOLDER = Path(__file__).resolve().parent / "translations"
FONT_FILE = FOLDER / "NotoSansSC-nnviz.otf"
#: A character every Chinese font has, to find one.
CJK_PROBE = "学"

_installed: list[QTranslator] = []
_current = ["en"]  # the language installed


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the installed language (itself when there is no translation)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def error_text(error) -> str:
    """An error (an NNVizError, a core :class:`~nnviz.core.errors.Message`, any exception or text) in
    the installed language: ``translate("Errors", template).format(**params)``."""
    return translated(error, translate)


def choose_language(lang: str | None = None, settings: QSettings | None = None) -> str:
    """The language to show (see the module's docstring); raises ValueError for an unknown ``lang``."""
    if lang is not None:
        code = language_code(lang)
        if code is None:
            raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
        return code
    if settings is not None:
        code = language_code(str(settings.value("language", "") or ""))
        if code:
            return code
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(variable):
            return language_code(os.environ[variable]) or "en"
    return language_code(QLocale.system().name()) or "en"


def install_translator(app: QCoreApplication, lang: str | None = None, settings: QSettings | None = None) -> str:
    """Install the translations of ``lang`` (default: :func:`choose_language`) into ``app``, with
    Qt's own for its standard dialogs and, for Chinese, a font that has its characters; returns
    the language installed.  Call it before building the window; calling it again replaces it."""
    code = choose_language(lang, settings)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if code != "en":
        for name, folder in ((f"nnviz_{code}", FOLDER),
                             (f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.TranslationsPath))):
            translator = QTranslator(app)
            if translator.load(name, str(folder)):
                app.installTranslator(translator)
                _installed.append(translator)
        if isinstance(app, QGuiApplication):
            ensure_cjk_font(app)
    _current[0] = code
    return code


def cjk_family() -> str | None:
    """A font family with Chinese characters: a system one, else the bundled one (None if neither)."""
    for family in QFontDatabase.families(QFontDatabase.SimplifiedChinese):
        if QFontDatabase.isScalable(family):
            return family
    font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else None


def ensure_cjk_font(app: QGuiApplication) -> None:
    """Let every widget fall back to a Chinese font for characters its own font lacks."""
    family = cjk_family()
    if family is None:
        return
    font = app.font()
    if family not in font.families():
        font.setFamilies([*font.families(), family])
        app.setFont(font)
    for name in (font.family(), "Sans Serif", "DejaVu Sans"):
        QFont.insertSubstitution(name, family)


def current_language() -> str:
    """The language installed now ("en" when none is)."""
    return _current[0]


def add_language_menu(window, menu) -> None:
    """View > Language: one checkable entry per language; a choice is remembered (the ``language``
    setting) and takes effect at the next start, as the banner says."""
    sub = menu.addMenu(translate("MainWindow", "&Language"))
    sub.setObjectName("languageMenu")
    shown = current_language()
    for code, name in LANGUAGES.items():
        action = sub.addAction(name)
        action.setObjectName(f"language_{code}")
        action.setCheckable(True)
        action.setChecked(code == shown)
        action.setToolTip(translate("MainWindow", "Show nnviz in {language} from the next start").format(language=name))
        action.triggered.connect(partial(_choose, weakref.ref(window), sub, code))  # no cycle through Qt


def _choose(window_ref, sub, code: str, _checked: bool = False) -> None:
    window = window_ref()
    if window is None:
        return
    for action in sub.actions():
        action.setChecked(action.objectName() == f"language_{code}")
    if window.remember:
        window.settings.setValue("language", code)
    text = (translate("MainWindow", "nnviz will be in {language} the next time it starts.")
            if code != current_language() else translate("MainWindow", "nnviz is in {language}."))
    window.banner.show_message(text.format(language=LANGUAGES[code]), kind="info")
