"""The command line's language: ``nnviz --lang zh_CN --help`` and ``LANG=zh_CN.UTF-8 nnviz --help``
print Chinese help and messages.

Only QtCore is imported (a :class:`QTranslator` works without an application), so ``--help`` stays
fast.  The texts are ``translate("CLI", "...")`` calls in :mod:`nnviz.cli`, collected by
``pyside6-lupdate`` into the window's catalogue (``nnviz/gui/translations``); errors raised in
``nnviz.core`` are shown with :func:`error_text` (their template translated under "Errors").
argparse's own words ("usage:", "invalid choice: ...", "the following arguments are required: ...")
come from its module-level ``_`` and ``ngettext`` (gettext's); :func:`use_language` points them at
the catalogue's context "argparse" while a translation is in use (:data:`ARGPARSE_TEXTS`).
"""
from __future__ import annotations

import argparse
import gettext
import os
from pathlib import Path

from nnviz.core.errors import QT_TRANSLATE_NOOP, translated

#: The languages of the interface: code -> its own name.
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
#: Where the compiled catalogues are (nnviz_<code>.qm), beside the window's code.
FOLDER = Path(__file__).resolve().parent / "gui" / "translations"

_translator = [None]  # the QTranslator in use, None for English

#: The messages argparse shows a user (its ``_("...")`` and ``ngettext`` texts, Python 3.11 to 3.13; the
#: ones only a programmer meets, such as conflicting option strings, stay English), with their
#: %-placeholders, which a translation keeps.
ARGPARSE_TEXTS = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "subcommands"),
    QT_TRANSLATE_NOOP("argparse", "%(heading)s:"),
    QT_TRANSLATE_NOOP("argparse", " (default: %(default)s)"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "show program's version number and exit"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected %s argument"),
    QT_TRANSLATE_NOOP("argparse", "expected %s arguments"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("argparse", "unknown parser %(parser_name)r (choices: %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "can't open '%(filename)s': %(error)s"),
)


def language_code(name: str | None) -> str | None:
    """"zh_CN", "zh-CN", "zh_CN.UTF-8", "zh" -> "zh_CN"; "en_GB" -> "en"; anything else -> None."""
    if not name:
        return None
    name = name.split(".")[0].replace("-", "_")
    if name.lower().startswith("zh"):
        return "zh_CN" if name.lower() in ("zh", "zh_cn", "zh_hans", "zh_hans_cn", "zh_sg") else None
    return "en" if name.lower().startswith("en") or name in ("C", "POSIX") else None


def language_from(argv: list[str], environ=os.environ) -> str:
    """The language of the command line: ``--lang X`` (or ``--lang=X``) in ``argv`` if it names one,
    else the first of LC_ALL, LC_MESSAGES, LANG that is set, else English."""
    for i, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else (
            argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None)
        if value is not None and language_code(value):
            return language_code(value)
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if environ.get(variable):
            return language_code(environ[variable]) or "en"
    return "en"


def use_language(code: str) -> str:
    """Print in ``code`` from now on ("en", or a language whose catalogue loads); returns the one used."""
    _translator[0] = None
    if code != "en":
        from PySide6.QtCore import QTranslator

        translator = QTranslator()
        if translator.load(f"nnviz_{code}", str(FOLDER)):
            _translator[0] = translator
        else:
            code = "en"
    argparse._, argparse.ngettext = ((_argparse_gettext, _argparse_ngettext) if _translator[0] is not None
                                     else (gettext.gettext, gettext.ngettext))
    return code


def _argparse_gettext(text: str) -> str:
    return translate("argparse", text)


def _argparse_ngettext(singular: str, plural: str, n: int) -> str:
    return translate("argparse", singular if n == 1 else plural)


def translate(context: str, text: str) -> str:
    """``text`` in the command line's language (itself when it has no translation)."""
    translator = _translator[0]
    return (translator.translate(context, text) or text) if translator is not None else text


def error_text(error) -> str:
    """An error or a core message in the command line's language (see :mod:`nnviz.core.errors`)."""
    return translated(error, translate)
