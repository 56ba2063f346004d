"""The drawing pad: strokes become the MNIST input, the prediction follows, undo works."""
import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from nnviz.core import Network, Trainer, datasets, load_pretrained
from nnviz.gui.drawing_pad import CANVAS, DigitPadPane, DrawingPad


@pytest.fixture
def pane(qtbot):
    w = DigitPadPane()
    w.resize(380, 560)
    w.set_dataset(datasets.load("digits"))
    qtbot.addWidget(w)
    w.show()
    return w


def stroke(pad, points, button=Qt.LeftButton):
    """Draw through canvas coordinates (0..280) with real mouse events."""
    side = min(pad.width(), pad.height())
    ox, oy = (pad.width() - side) / 2, (pad.height() - side) / 2
    pts = [QPoint(int(ox + x * side / CANVAS), int(oy + y * side / CANVAS)) for x, y in points]
    QTest.mousePress(pad, button, Qt.NoModifier, pts[0])
    for p in pts[1:]:
        QTest.mouseMove(pad, p)
    QTest.mouseRelease(pad, button, Qt.NoModifier, pts[-1])


def centre_of_mass(image):
    r, c = np.indices(image.shape)
    return (image * r).sum() / image.sum(), (image * c).sum() / image.sum()


def test_a_stroke_changes_the_input_and_the_prediction(pane):
    pane.show_network(load_pretrained("3b1b"))
    assert not pane.pad.input_image().any()
    seen = []
    pane.probed.connect(lambda a, z: seen.append(a))
    stroke(pane.pad, [(140, 40 + 8 * i) for i in range(26)])  # a vertical bar: a one
    x = pane.pad.input_image()
    assert x.shape == (28, 28) and x.any()
    p = pane.prediction.probabilities()
    assert p.shape == (10,) and p.sum() == pytest.approx(1, abs=1e-5) and p.argmax() == 1
    assert seen and seen[-1] is not None and np.allclose(seen[-1][0], x.ravel())


def test_small_digit_in_a_corner_is_centred_at_mnist_size(pane):
    stroke(pane.pad, [(20 + 2 * i, 20 + 3 * i) for i in range(15)])  # a small diagonal near the top left
    x = pane.pad.input_image()
    r, c = centre_of_mass(x)
    assert abs(r - 13.5) <= 1 and abs(c - 13.5) <= 1
    rows, cols = np.flatnonzero((x > 0.05).any(1)), np.flatnonzero((x > 0.05).any(0))
    assert max(rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1) in (20, 21)


def test_undo_redo_clear_and_erase(pane):
    pad = pane.pad
    stroke(pad, [(100, 100), (180, 100)])
    first = pad.input_image()
    stroke(pad, [(140, 60), (140, 200)])
    both = pad.input_image()
    assert not np.array_equal(first, both)
    pad.undo_stack.undo()
    assert np.array_equal(pad.input_image(), first)
    pad.undo_stack.redo()
    assert np.array_equal(pad.input_image(), both)
    QTest.keyClick(pad, Qt.Key_Z, Qt.ControlModifier)
    assert np.array_equal(pad.input_image(), first)
    ink = pad.canvas.sum()
    stroke(pad, [(100, 100), (180, 100)], button=Qt.RightButton)  # erase it all
    assert pad.canvas.sum() < 0.05 * ink
    pad.undo_stack.undo()
    QTest.keyClick(pad, Qt.Key_Escape)
    assert not pad.input_image().any()
    pad.undo_stack.undo()
    assert np.array_equal(pad.input_image(), first)


def test_a_test_digit_on_the_pad_is_recognised(pane):
    d = datasets.load("digits")
    net = Network([784, 32, 10], activation="relu", seed=0)
    tr = Trainer(net, d, optimizer="adam", lr=3e-3, batch_size=64)
    for _ in range(400):
        tr.step()
    pane.show_network(net)
    right = 0
    for i in range(20):
        pane.pad.set_image(d.X_test[i].reshape(28, 28))
        assert np.array_equal(pane.pad.input_image(), d.X_test[i].reshape(28, 28))  # as it is
        right += pane.prediction.winner() == d.labels_test[i]
    assert right >= 16


def test_fifty_test_digits_reach_the_network_as_they_are(pane):
    """Issue #20: the pad asks the network the learner's question unchanged."""
    d = datasets.load("digits")
    net = load_pretrained("3b1b")
    pane.show_network(net)
    expected = net.predict(d.X_test)
    seen = []
    pane.inputShown.connect(seen.append)
    for i in np.random.default_rng(20).choice(len(d.X_test), 50, replace=False):
        pane.pad.set_image(d.X_test[i].reshape(28, 28))
        x = pane.pad.input_image()
        assert np.array_equal(x, d.X_test[i].reshape(28, 28))
        assert np.array_equal(pane.sees.image, x)
        assert pane.prediction.winner() == expected[i]
    assert seen[-1].sample and np.array_equal(seen[-1].image.ravel(), d.X_test[i])


def test_a_drawing_still_goes_through_the_mnist_preprocessing(pane):
    from nnviz.core import preprocess_drawing

    stroke(pane.pad, [(30 + 3 * i, 40 + 4 * i) for i in range(20)])
    assert pane.pad.sample is None
    assert np.array_equal(pane.pad.input_image(), preprocess_drawing(pane.pad.canvas))
    assert "your drawing, centred and scaled like MNIST" in pane.source.text()
    big = np.zeros((56, 40), np.float32)
    big[10:40, 18:22] = 1  # any picture that is not 28x28 is read as a drawing
    pane.pad.set_image(big)
    assert pane.pad.sample is None
    assert np.array_equal(pane.pad.input_image(), preprocess_drawing(pane.pad.canvas))


def test_strokes_on_a_sample_switch_to_the_drawing_pipeline_and_undo_back(pane):
    from nnviz.core import preprocess_drawing

    d = datasets.load("digits")
    pane.pad.set_sample(d.X_test[79], "test digit #79 (a 0)", int(d.labels_test[79]))
    assert pane.source.text() == "the network is given: test digit #79 (a 0), as it is"
    stroke(pane.pad, [(200, 200), (260, 260)])
    assert pane.pad.sample is None and "your drawing" in pane.source.text()
    assert np.array_equal(pane.pad.input_image(), preprocess_drawing(pane.pad.canvas))
    pane.pad.undo_stack.undo()
    assert pane.pad.sample is not None and "#79" in pane.source.text()
    assert np.array_equal(pane.pad.input_image(), d.X_test[79].reshape(28, 28))
    pane.pad.clear()
    assert pane.pad.sample is None and not pane.pad.input_image().any()


def test_a_28x28_image_file_is_taken_as_it_is(pane, tmp_path):
    from PySide6.QtGui import QImage

    d = datasets.load("digits")
    grey = np.round(d.X_test[5].reshape(28, 28) * 255).astype(np.uint8)
    QImage(grey.tobytes(), 28, 28, 28, QImage.Format_Grayscale8).save(str(tmp_path / "five.png"))
    assert pane.pad.load_file(tmp_path / "five.png")
    assert pane.pad.sample is not None and "five.png, as it is" in pane.source.text()
    assert np.allclose(pane.pad.input_image(), grey / 255.0, atol=1e-6)


def test_prediction_follows_the_network_step_by_step(pane):
    d = datasets.load("digits")
    net = Network([784, 16, 10], seed=1)
    pane.show_network(net)
    pane.pad.set_image(d.X_test[0].reshape(28, 28))
    before = pane.prediction.probabilities()
    tr = Trainer(net, d, optimizer="adam", lr=1e-2, batch_size=32)
    tr.step()
    pane.show_network(net)
    assert not np.allclose(before, pane.prediction.probabilities())


def test_sample_browser_filters_mistakes_and_fills_the_pad(pane, qtbot):
    from nnviz.gui.sample_browser import SampleBrowser

    net = load_pretrained("3b1b")
    d = datasets.load("digits")
    pane.show_network(net)
    browser = SampleBrowser(d, net)
    qtbot.addWidget(browser)
    assert browser.position.value() == 1 and browser.position.minimum() == 1  # positions count from 1
    browser.wrong_only.setChecked(True)
    wrong = np.flatnonzero(net.predict(d.X_test) != d.labels_test)
    assert len(browser.indices) == len(wrong) > 0
    assert browser.position.text() == f"1 of {len(wrong):,}"
    browser.position.setValue(len(wrong))
    i = browser.current_index()
    assert i == wrong[-1]
    assert f"test digit #{i} (a {d.labels_test[i]})" in browser.caption.text()
    assert f"the network says {net.predict(d.X_test[i:i + 1])[0]}" in browser.caption.text()
    browser.chosen.connect(pane.pad.set_sample)
    browser.use_current()
    assert np.array_equal(pane.pad.input_image(), d.X_test[i].reshape(28, 28))
    assert f"test digit #{i} (a {d.labels_test[i]}), as it is" in pane.source.text()  # caption and pad agree
    assert pane.prediction.winner() == net.predict(d.X_test[i:i + 1])[0]


def test_a_test_digit_dragged_from_the_browser_lands_as_it_is(pane, qtbot):
    from nnviz.gui.sample_browser import SampleBrowser, sample_from_mime

    d = datasets.load("digits")
    browser = SampleBrowser(d)
    qtbot.addWidget(browser)
    browser.position.setValue(80)
    mime = browser.current_mime()
    image, caption, label = sample_from_mime(mime)
    assert np.array_equal(image.ravel(), d.X_test[79]) and caption == "test digit #79 (a %d)" % d.labels_test[79]
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    try:  # PySide6 6.12 takes a QPointF (its QPoint form is deprecated there); older ones a QPoint only
        enter = QDragEnterEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    except TypeError:
        enter = QDragEnterEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    pane.pad.dragEnterEvent(enter)
    assert enter.isAccepted()
    pane.pad.dropEvent(QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    assert np.array_equal(pane.pad.input_image().ravel(), d.X_test[79])
    assert pane.source.text() == f"the network is given: {caption}, as it is"


def test_dropped_file_errors_are_shown_in_words(pane, tmp_path):
    bad = tmp_path / "digit.png"
    bad.write_bytes(b"not a png at all")
    assert not pane.pad.load_file(bad)
    assert "digit.png" in pane.status.text()


def test_pad_stays_square(qtbot):
    pad = DrawingPad()
    assert pad.heightForWidth(300) == 300
