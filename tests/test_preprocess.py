"""preprocess_drawing puts any drawing in MNIST's layout: 20x20 box, centre of mass at the centre."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st, HealthCheck
from hypothesis.extra.numpy import arrays

from nnviz.core import ConfigError, datasets, preprocess_drawing
from nnviz.core.preprocess import resize


def centre_of_mass(image):
    r, c = np.indices(image.shape)
    return (image * r).sum() / image.sum(), (image * c).sum() / image.sum()


def bbox(image):
    rows, cols = np.flatnonzero(image.any(1) > 0), np.flatnonzero(image.any(0) > 0)
    return rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1


def test_small_digit_in_a_corner_ends_up_centred_at_mnist_size():
    canvas = np.zeros((280, 280))
    canvas[10:50, 200:220] = 1.0  # a 40x20 "1" in the top-right corner
    x = preprocess_drawing(canvas)
    assert x.shape == (28, 28) and x.dtype == np.float32
    h, w = bbox(x > 0.05)
    assert h == 20 and 9 <= w <= 11  # aspect ratio kept
    r, c = centre_of_mass(x)
    assert abs(r - 13.5) <= 0.5 and abs(c - 13.5) <= 0.5
    assert x.max() == pytest.approx(1.0)


def test_empty_drawing_gives_zeros():
    assert not preprocess_drawing(np.zeros((280, 280))).any()
    assert not preprocess_drawing(np.zeros((1, 1))).any()


def test_an_mnist_digit_is_nearly_a_fixed_point():
    d = datasets.load("digits")
    similarity = []
    for i in range(100):
        x = d.X_test[i].reshape(28, 28)
        y = preprocess_drawing(x)
        assert np.hypot(*np.subtract(centre_of_mass(y), centre_of_mass(x))) < 1.5
        similarity.append(np.corrcoef(x.ravel(), y.ravel())[0, 1])
    assert np.median(similarity) > 0.75  # a pixel of shift or scale is all that differs


def test_uint8_and_any_size():
    canvas = np.zeros((50, 500), np.uint8)
    canvas[20:30, 100:400] = 255
    x = preprocess_drawing(canvas)
    assert bbox(x > 0.05)[1] == 20 and x.max() == pytest.approx(1.0)


def test_resize_preserves_mean_brightness():
    rng = np.random.default_rng(0)
    img = rng.random((200, 120))
    assert resize(img, 20, 12).mean() == pytest.approx(img.mean(), rel=0.02)


def test_wrong_shape_is_refused():
    with pytest.raises(ConfigError, match="2-D"):
        preprocess_drawing(np.zeros((4, 4, 3)))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arrays(np.float64, st.tuples(st.integers(1, 60), st.integers(1, 60)),
              elements=st.floats(-2, 2) | st.sampled_from([np.nan, np.inf, -np.inf])))
def test_any_image_gives_a_valid_input(image):
    x = preprocess_drawing(image)
    assert x.shape == (28, 28) and np.isfinite(x).all() and 0 <= x.min() and x.max() <= 1
