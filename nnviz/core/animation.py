"""Animations from frames: an animated GIF (Pillow) or an MP4 (PyAV, the optional ``video`` extra).

No Qt: a frame is a NumPy array (H, W, 3) uint8, RGB.  :class:`Clip` keeps the frames of a recording
(compressed, a UI picture shrinks about tenfold) with how long each one shows and the training
step it shows; :func:`write_animation` writes a clip atomically (temporary file, then rename) and
reports its progress.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .errors import QT_TRANSLATE_NOOP, ConfigError, Message
from .serialization import atomic_write

FORMATS = {".gif": "animated GIF", ".mp4": "MP4 video"}
#: Estimated bytes per pixel and frame after the first, measured on nnviz's panes while training
#: (a GIF stores only the rectangle that changed; see :func:`estimate_bytes`).
_GIF_BYTES_PER_PIXEL = {"first": 0.12, "next": 0.035}
_MP4_BYTES_PER_PIXEL = 0.006


def video_available() -> bool:
    """True when PyAV (``pip install nnviz[video]``) can be imported, so MP4 can be written."""
    try:
        import av  # noqa: F401
    except ImportError:
        return False
    return True


def check_target(path) -> str:
    """The format of ``path`` ('.gif' or '.mp4'); ConfigError in words for anything else, or for
    an MP4 without the video extra."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        what = (suffix if suffix else Message(QT_TRANSLATE_NOOP("Errors", "a file without extension")))
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "{path}: an animation is a .gif or an .mp4, not {what}"),
                          path=path, what=what)
    if suffix == ".mp4" and not video_available():
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "{path}: MP4 needs the video extra (pip install "
                                            "'nnviz[video]'); a .gif needs nothing more"), path=path)
    return suffix


def estimate_bytes(width: int, height: int, fps: float, seconds: float, suffix: str = ".gif") -> int:
    """A rough file size for ``seconds`` of (width x height) frames at ``fps`` frames a second."""
    frames = max(1, round(fps * seconds))
    pixels = width * height
    if suffix == ".mp4":
        return int(pixels * frames * _MP4_BYTES_PER_PIXEL) + 2_000
    return int(pixels * (_GIF_BYTES_PER_PIXEL["first"] + (frames - 1) * _GIF_BYTES_PER_PIXEL["next"]))


@dataclass
class Clip:
    """Frames of one size, each shown for ``durations[i]`` ms, showing training step ``steps[i]``.

    Frames are kept zlib-compressed; one equal to the one before only lengthens it (a paused run
    makes no new frames).  A frame of another size (the window was resized) is cropped or padded
    with white to the first frame's size."""

    frames: list[bytes] = field(default_factory=list)
    durations: list[int] = field(default_factory=list)
    steps: list[int] = field(default_factory=list)
    shape: tuple[int, int, int] | None = None

    def __len__(self) -> int:
        return len(self.frames)

    @property
    def seconds(self) -> float:
        return sum(self.durations) / 1000.0

    @property
    def nbytes(self) -> int:
        """Memory the compressed frames take."""
        return sum(len(f) for f in self.frames)

    def add(self, frame: np.ndarray, duration_ms: int, step: int) -> bool:
        """Append ``frame`` (H, W, 3) uint8; False when it equals the last one (which then lasts longer)."""
        frame = np.asarray(frame, np.uint8)
        if frame.ndim != 3 or frame.shape[2] != 3:
            raise ValueError(f"a frame is (H, W, 3) uint8, not {frame.shape}")
        if self.shape is None:
            self.shape = frame.shape
        elif frame.shape != self.shape:
            frame = _fit(frame, self.shape)
        packed = zlib.compress(np.ascontiguousarray(frame).tobytes(), 1)
        duration_ms = max(1, int(round(duration_ms)))
        if self.frames and packed == self.frames[-1]:
            self.durations[-1] += duration_ms
            return False
        self.frames.append(packed)
        self.durations.append(duration_ms)
        self.steps.append(int(step))
        return True

    def frame(self, i: int) -> np.ndarray:
        """Frame ``i`` as (H, W, 3) uint8."""
        return np.frombuffer(zlib.decompress(self.frames[i]), np.uint8).reshape(self.shape)


def _fit(frame: np.ndarray, shape) -> np.ndarray:
    out = np.full(shape, 255, np.uint8)
    h, w = min(shape[0], frame.shape[0]), min(shape[1], frame.shape[1])
    out[:h, :w] = frame[:h, :w]
    return out


def write_animation(clip: Clip, path, progress=None) -> int:
    """Write ``clip`` to ``path`` (.gif or .mp4, by its extension), atomically; returns the bytes
    written.  ``progress(done, total)`` is called as frames are encoded.  ConfigError for an empty
    clip or an unknown format; ModelFileError-like errors of :func:`atomic_write` name the file."""
    suffix = check_target(path)
    if not len(clip):
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "{path}: nothing was recorded (no frame)"), path=path)
    report = progress or (lambda done, total: None)
    encode = _write_gif if suffix == ".gif" else _write_mp4
    atomic_write(path, lambda fh: encode(clip, fh, report), error=ConfigError)
    return Path(path).stat().st_size


#: The palette index a GIF frame uses for "as in the frame before" (transparent over it).
_UNCHANGED = 255


def _palette(clip: Clip):
    """One 255-colour palette for the whole clip, from up to 24 frames spread over it (one palette
    keeps unchanged pixels unchanged; index 255 stays free for :data:`_UNCHANGED`)."""
    from PIL import Image

    picks = sorted(set(np.linspace(0, len(clip) - 1, min(24, len(clip))).round().astype(int)))
    mosaic = np.concatenate([clip.frame(i)[::2, ::2] for i in picks], axis=0)
    return Image.fromarray(mosaic).quantize(colors=255, method=Image.Quantize.MEDIANCUT)


def _write_gif(clip: Clip, fh, report) -> None:
    """Every frame mapped to one palette without dithering; in each frame after the first, the
    pixels equal to the frame before are transparent (a UI changes a few percent of its pixels a
    frame, and long runs of one index compress tenfold)."""
    from PIL import Image

    palette = _palette(clip)
    n = len(clip)

    def frames():
        before = None
        for i in range(n):
            indices = np.asarray(Image.fromarray(clip.frame(i)).quantize(palette=palette, dither=Image.Dither.NONE))
            out = indices.copy()
            if before is not None:
                out[indices == before] = _UNCHANGED
            before = indices
            image = Image.fromarray(out, "P")
            image.putpalette(palette.getpalette())
            yield image
            report(i + 1, n)

    rest = frames()
    first = next(rest)
    # GIF delays are in hundredths of a second: round each, at least 2 (browsers slow shorter ones).
    durations = [max(20, 10 * round(d / 10)) for d in clip.durations]
    first.save(fh, format="GIF", save_all=True, append_images=rest, duration=durations, loop=0,
               optimize=False, disposal=1, transparency=_UNCHANGED)


def _write_mp4(clip: Clip, fh, report) -> None:
    import av

    h, w = clip.shape[0] - clip.shape[0] % 2, clip.shape[1] - clip.shape[1] % 2  # yuv420p: even sides
    codec = "libx264" if "libx264" in av.codecs_available else "mpeg4"
    rate = int(np.clip(round(1000 / float(np.median(clip.durations))), 1, 60))
    with av.open(fh, mode="w", format="mp4") as container:
        stream = container.add_stream(codec, rate=rate)
        stream.width, stream.height, stream.pix_fmt = w, h, "yuv420p"
        if codec == "libx264":
            stream.options = {"crf": "23", "preset": "medium"}
        elapsed, pts = 0, -1
        for i in range(len(clip)):
            frame = av.VideoFrame.from_ndarray(np.ascontiguousarray(clip.frame(i)[:h, :w]), format="rgb24")
            pts = max(pts + 1, round(elapsed * rate / 1000))  # a frame shows until the next one's time
            frame.pts = pts
            elapsed += clip.durations[i]
            for packet in stream.encode(frame):
                container.mux(packet)
            report(i + 1, len(clip))
        for packet in stream.encode():
            container.mux(packet)
