"""How every pane names the input it shows, so the diagram, the pad, the formulas and the neuron
panel agree: "test digit #79 (a 0), as it is, on the pad", "test digit #0 (a 7), the probe sample".

Test digits are named by their index in the test split (``data.X_test[79]`` is "#79"); positions in
the sample browser's list count from 1.
"""
from __future__ import annotations


def sample_caption(data, i: int) -> str:
    """Test sample ``i`` of ``data``: 'test digit #79 (a 0)' (for other data, 'test sample #3 (class b)')."""
    try:
        name = data.class_names[int(data.labels_test[i])]
    except (IndexError, TypeError, ValueError, AttributeError):
        name = None
    if data.image_shape == (28, 28):
        return f"test digit #{i}" + (f" (a {name})" if name is not None else "")
    return f"test sample #{i}" + (f" (class {name})" if name is not None else "")


def shown_input(session, pad_input=None) -> tuple[str, object, int]:
    """(caption, x or None, label) of the input on display: the pad's (a ``PadInput``), or the
    session's probe sample when the pad is empty or does not apply (x None)."""
    if pad_input is not None and session.pad:
        return f"{pad_input.caption}, on the pad", pad_input.image, pad_input.label
    caption = sample_caption(session.data, session.probe_index) + ", the probe sample"
    return caption + (" (the pad is empty)" if session.pad else ""), None, -1
