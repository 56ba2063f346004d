"""Animations without Qt (nnviz.core.animation): a clip written as GIF or MP4 decodes to the same
frames, sizes and timing; bad targets are refused in words; a failed write leaves nothing behind."""
import numpy as np
import pytest
from PIL import Image, ImageSequence

from nnviz.core.animation import Clip, check_target, estimate_bytes, write_animation
from nnviz.core.errors import ConfigError


def moving_box_clip(n=12, shape=(90, 160, 3)) -> Clip:
    """A light frame with a red box moving right and a dark counter band whose shade is the step."""
    clip = Clip()
    for i in range(n):
        frame = np.full(shape, 235, np.uint8)
        frame[30:50, 8 * i:8 * i + 30] = (200, 30, 30)
        frame[:12, :40] = 12 * i
        clip.add(frame, 100, 5 * i)
    return clip


def gif_frames(path) -> list[np.ndarray]:
    with Image.open(path) as im:
        return [np.asarray(f.convert("RGB")).copy() for f in ImageSequence.Iterator(im)]


def test_a_gif_decodes_to_the_clips_frames_and_timing(tmp_path):
    clip = moving_box_clip()
    path = tmp_path / "clip.gif"
    done = []
    size = write_animation(clip, path, progress=lambda i, n: done.append((i, n)))
    assert size == path.stat().st_size
    frames = gif_frames(path)
    assert len(frames) == len(clip) and frames[0].shape == clip.shape
    for i, frame in enumerate(frames):  # the unchanged pixels, transparent in the file, composite back
        assert np.abs(frame.astype(int) - clip.frame(i)).max() <= 8
    assert all(not np.array_equal(a, b) for a, b in zip(frames, frames[1:]))
    with Image.open(path) as im:
        durations = [f.info["duration"] for f in ImageSequence.Iterator(im)]
    assert durations == [100] * len(clip)
    assert done[-1] == (len(clip), len(clip))


def test_frames_equal_to_the_one_before_only_last_longer():
    clip = Clip()
    frame = np.zeros((4, 6, 3), np.uint8)
    assert clip.add(frame, 100, 1)
    assert not clip.add(frame.copy(), 50, 2)
    assert clip.add(frame + 1, 100, 3)
    assert len(clip) == 2 and clip.durations == [150, 100] and clip.steps == [1, 3]
    assert clip.seconds == pytest.approx(0.25)


def test_a_frame_of_another_size_is_cropped_or_padded_to_the_first():
    clip = Clip()
    clip.add(np.zeros((10, 20, 3), np.uint8), 100, 0)
    clip.add(np.zeros((14, 12, 3), np.uint8), 100, 1)
    out = clip.frame(1)
    assert out.shape == (10, 20, 3)
    assert (out[:, 12:] == 255).all() and (out[:, :12] == 0).all()


def test_a_mp4_decodes_to_the_clips_frames_and_length(tmp_path):
    av = pytest.importorskip("av")
    clip = moving_box_clip(n=20, shape=(91, 161, 3))  # odd sides: cropped to even for yuv420p
    path = tmp_path / "clip.mp4"
    write_animation(clip, path)
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        frames = [f.to_ndarray(format="rgb24") for f in container.decode(video=0)]
        seconds = float(stream.duration * stream.time_base)
    assert len(frames) == len(clip)
    assert frames[0].shape == (90, 160, 3)
    assert seconds == pytest.approx(clip.seconds, abs=0.15)
    for i in (0, 10, 19):  # lossy, but the box is where it was
        assert np.abs(frames[i].astype(int) - clip.frame(i)[:90, :160]).mean() < 6
    assert all(not np.array_equal(a, b) for a, b in zip(frames, frames[1:]))


@pytest.mark.parametrize("name, words", [("clip.png", "a .gif or an .mp4"), ("clip", "without extension")])
def test_a_target_that_is_no_animation_is_refused_in_words(tmp_path, name, words):
    with pytest.raises(ConfigError, match=words):
        write_animation(moving_box_clip(2), tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_mp4_without_the_video_extra_says_how_to_get_it(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_av(name, *args, **kwargs):
        if name == "av":
            raise ImportError("no av")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_av)
    with pytest.raises(ConfigError, match=r"nnviz\[video\]"):
        check_target("run.mp4")
    assert check_target("run.gif") == ".gif"


def test_an_empty_clip_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="nothing was recorded"):
        write_animation(Clip(), tmp_path / "clip.gif")


def test_a_write_that_fails_midway_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    path = tmp_path / "clip.gif"
    path.write_bytes(b"old")

    def fail(done, total):
        if done == 3:
            raise RuntimeError("encoder gave up")

    with pytest.raises(RuntimeError):
        write_animation(moving_box_clip(), path, progress=fail)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["clip.gif"]


def test_the_estimate_grows_with_size_frame_rate_and_length():
    base = estimate_bytes(400, 300, 15, 10)
    assert estimate_bytes(800, 600, 15, 10) > 3 * base
    assert estimate_bytes(400, 300, 30, 10) > 1.5 * base
    assert estimate_bytes(400, 300, 15, 20) > 1.5 * base
    assert estimate_bytes(400, 300, 15, 10, ".mp4") < base
