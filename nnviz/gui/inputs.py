"""How every pane names the input it shows, so the diagram, the pad, the formulas and the neuron
panel agree: "test digit #79 (a 0), as it is, on the pad", "test digit #0 (a 7), the probe sample".

Test digits are named by their index in the test split (``data.X_test[79]`` is "#79"); positions in
the sample browser's list count from 1.
"""
from __future__ import annotations

from .language import translate


def sample_caption(data, i: int) -> str:
    """Test sample ``i`` of ``data``: 'test digit #79 (a 0)' (for other data, 'test sample #3 (class b)')."""
    try:
        name = data.class_names[int(data.labels_test[i])]
    except (IndexError, TypeError, ValueError, AttributeError):
        name = None
    if data.image_shape == (28, 28):
        if name is None:
            return translate("Inputs", "test digit #{i}").format(i=i)
        return translate("Inputs", "test digit #{i} (a {label})").format(i=i, label=name)
    if name is None:
        return translate("Inputs", "test sample #{i}").format(i=i)
    return translate("Inputs", "test sample #{i} (class {label})").format(i=i, label=name)


def shown_input(session, pad_input=None) -> tuple[str, object, int]:
    """(caption, x or None, label) of the input on display: the pad's (a ``PadInput``), or the
    session's probe sample when the pad is empty or does not apply (x None)."""
    if pad_input is not None and session.pad:
        return translate("Inputs", "{caption}, on the pad").format(caption=pad_input.caption), pad_input.image, \
            pad_input.label
    caption = translate("Inputs", "{caption}, the probe sample").format(
        caption=sample_caption(session.data, session.probe_index))
    if session.pad:
        caption = translate("Inputs", "{caption} (the pad is empty)").format(caption=caption)
    return caption, None, -1
