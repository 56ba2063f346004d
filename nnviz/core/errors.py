"""Error types with messages meant for the user, not a traceback, in any language the interface speaks.

A message is kept as its English template and named parameters (:class:`Message`, a ``str`` whose
value is the English sentence), so ``str(error)`` is English while the window and the command line
show ``translate("Errors", template).format(**params)`` (:meth:`Message.translated`).  Templates are
marked with :func:`QT_TRANSLATE_NOOP` (a plain-Python marker: ``nnviz.core`` never imports Qt), which
``pyside6-lupdate`` finds by name and collects into the catalogue under the context "Errors".
"""
from __future__ import annotations

from typing import Callable

#: The context of every message template in the translation catalogue.
CONTEXT = "Errors"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for translation under ``context`` (returns it unchanged)."""
    return text


class Message(str):
    """An English sentence that remembers how it was made: ``template`` and its named ``params``.

    ``Message("{path}: no such file", path="a.csv") == "a.csv: no such file"``.  A parameter may
    itself be a Message (a reason inside a sentence); it is translated with the sentence."""

    template: str
    params: dict

    def __new__(cls, template: str, **params):
        self = super().__new__(cls, template.format(**params) if params else template)
        self.template = str(template)
        self.params = params
        return self

    def translated(self, translate: Callable[[str, str], str]) -> str:
        """The sentence in the language of ``translate(context, text)`` (English when it has none)."""
        text = translate(CONTEXT, self.template) or self.template
        if not self.params:
            return text
        params = {k: v.translated(translate) if isinstance(v, Message) else v for k, v in self.params.items()}
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder: the English
            return self.template.format(**params)


def translated(message, translate: Callable[[str, str], str]) -> str:
    """``message`` (a Message, an NNVizError, or any text or exception) in the language of ``translate``."""
    message = getattr(message, "message", message)
    return message.translated(translate) if isinstance(message, Message) else str(message)


class NNVizError(ValueError):
    """Base class: the message is one readable sentence naming the problem.

    ``NNVizError(template, **params)``: ``str(e)`` is the English; ``e.message`` the :class:`Message`
    (``e.template``, ``e.params``) an interface translates."""

    def __init__(self, template: str = "", **params):
        self.message = template if isinstance(template, Message) and not params else Message(template, **params)
        super().__init__(str(self.message))

    @property
    def template(self) -> str:
        return self.message.template

    @property
    def params(self) -> dict:
        return self.message.params


class ConfigError(NNVizError):
    """An impossible or absurd setting (layer size 0, negative learning rate...)."""


class DataFileError(NNVizError):
    """A data file (IDX, image) that is missing, truncated or malformed."""


class ModelFileError(NNVizError):
    """A saved-model file (.npz) that is missing, truncated or malformed."""
