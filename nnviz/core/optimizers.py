"""Optimisers with torch.optim's update rules and defaults.

Each works on the network's flat parameter vector ``theta`` (P,) and its
gradient ``grad`` (P,).  ``step`` computes the update into temporaries and
applies it (to theta and to the optimiser's own state) only if every new
value is finite, so a diverging update leaves everything as it was.

With weight decay ``wd`` the gradient becomes ``g + wd * theta`` (L2, as
torch does), for every parameter.
"""
from __future__ import annotations

import math

import numpy as np

from .errors import QT_TRANSLATE_NOOP, ConfigError

#: name -> default settings (torch's defaults; lr is set by the trainer).
DEFAULTS = {
    "sgd": {},
    "momentum": {"momentum": 0.9},
    "nesterov": {"momentum": 0.9},
    "rmsprop": {"alpha": 0.99, "eps": 1e-8, "momentum": 0.0},
    "adam": {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8},
}
NAMES = tuple(DEFAULTS)


class Optimizer:
    """Base class: ``lr`` and ``weight_decay`` may change between steps."""

    name = "sgd"

    def __init__(self, lr: float, weight_decay: float = 0.0, **settings):
        unknown = set(settings) - set(DEFAULTS[self.name])
        if unknown:
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "{optimizer} has no setting {names}"), optimizer=self.name,
                              names=", ".join(sorted(unknown)))
        self.settings = {**DEFAULTS[self.name], **settings}
        for key, v in self.settings.items():
            if not (isinstance(v, (int, float)) and math.isfinite(v) and v >= 0):
                raise ConfigError(QT_TRANSLATE_NOOP("Errors", "{optimizer} setting {key} must be a finite number >= 0, "
                                                    "got {value}"), optimizer=self.name, key=key, value=repr(v))
        self.lr = lr
        self.weight_decay = weight_decay
        self.t = 0

    @property
    def lr(self) -> float:
        return self._lr

    @lr.setter
    def lr(self, value: float) -> None:
        self._lr = check_lr(value)

    @property
    def weight_decay(self) -> float:
        return self._wd

    @weight_decay.setter
    def weight_decay(self, value: float) -> None:
        value = float(value)
        if not (math.isfinite(value) and value >= 0):
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "weight decay must be a finite number >= 0, got {value}"),
                              value=value)
        self._wd = value

    def _gradient(self, theta: np.ndarray, grad: np.ndarray) -> np.ndarray:
        return grad + self._wd * theta if self._wd else grad

    def step(self, theta: np.ndarray, grad: np.ndarray) -> np.ndarray | None:
        """Update theta (P,) in place from grad (P,).

        Returns a fresh array equal to the new theta (callers may keep it),
        or None -- and nothing changed -- if the update is not finite.
        """
        with np.errstate(over="ignore", invalid="ignore"):
            new_theta, new_state = self._propose(theta, self._gradient(theta, grad))
        if not np.isfinite(new_theta).all():
            return None
        theta[:] = new_theta
        self.__dict__.update(new_state)
        self.t += 1
        return new_theta

    def _propose(self, theta, g):
        raise NotImplementedError


class SGD(Optimizer):
    """theta <- theta - lr g."""

    name = "sgd"
    _scratch = None

    def _propose(self, theta, g):
        step = self._scratch
        if step is None or step.shape != g.shape or step.dtype != g.dtype:
            step = None
        step = np.multiply(g, self._lr, out=step)  # no temporary per step (see Adam)
        return theta - step, {"_scratch": step}


class Momentum(Optimizer):
    """Heavy ball: buf <- mu buf + g (buf = g at first); theta <- theta - lr buf.

    Nesterov uses ``g + mu buf`` instead of buf, as torch does.
    """

    name = "momentum"
    nesterov = False
    buf = None

    def _propose(self, theta, g):
        mu = self.settings["momentum"]
        buf = g.copy() if self.buf is None else mu * self.buf + g
        direction = g + mu * buf if self.nesterov else buf
        return theta - self._lr * direction, {"buf": buf}


class Nesterov(Momentum):
    name = "nesterov"
    nesterov = True


class RMSprop(Optimizer):
    """v <- alpha v + (1 - alpha) g^2;  theta <- theta - lr g / (sqrt(v) + eps)."""

    name = "rmsprop"
    v = None
    buf = None

    def _propose(self, theta, g):
        s = self.settings
        v = (1 - s["alpha"]) * g * g if self.v is None else s["alpha"] * self.v + (1 - s["alpha"]) * g * g
        step = g / (np.sqrt(v) + s["eps"])
        state = {"v": v}
        if s["momentum"]:
            step = step if self.buf is None else s["momentum"] * self.buf + step
            state["buf"] = step
        return theta - self._lr * step, state


class Adam(Optimizer):
    """m, v: moving averages of g and g^2, bias-corrected; theta <- theta - lr m^ / (sqrt(v^) + eps).

    The proposal is computed into spare buffers (the previous step's m and v, and a scratch array),
    the same operations in the same order as the formulas, so a step allocates only the new theta:
    fresh 4-byte-per-parameter temporaries cost more than the arithmetic here.
    """

    name = "adam"
    m = None
    v = None
    _spare = None  # (m, v, scratch) arrays shaped like theta, free for the next proposal

    def _propose(self, theta, g):
        s = self.settings
        b1, b2 = s["beta1"], s["beta2"]
        spare = self._spare
        if spare is None or spare[0].shape != g.shape or spare[0].dtype != g.dtype:
            spare = tuple(np.empty_like(g) for _ in range(3))
        m, v, tmp = spare
        np.multiply(g, 1 - b1, out=m)  # (1 - b1) g
        if self.m is not None:
            np.multiply(self.m, b1, out=tmp)
            np.add(tmp, m, out=m)  # b1 m + (1 - b1) g
        np.multiply(g, 1 - b2, out=v)
        v *= g  # (1 - b2) g g
        if self.v is not None:
            np.multiply(self.v, b2, out=tmp)
            np.add(tmp, v, out=v)
        t = self.t + 1
        denom = np.sqrt(v, out=tmp)
        denom *= 1.0 / math.sqrt(1 - b2 ** t)
        denom += s["eps"]
        step = np.divide(m, denom, out=tmp)
        step *= self._lr / (1 - b1 ** t)
        previous = None if self.m is None else (self.m, self.v, tmp)
        return theta - step, {"m": m, "v": v, "_spare": previous}


def check_lr(value) -> float:
    """A learning rate must be a finite number > 0."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "the learning rate must be a number, got {value}"),
                          value=repr(value)) from None
    if not math.isfinite(value) or value <= 0:
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "the learning rate must be a finite number > 0, got {value}"),
                          value=value)
    if value > 1e6:
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "a learning rate of {value} is beyond any use; the limit is 1e6"),
                          value=f"{value:g}")
    return value


def make(name: str, lr: float, weight_decay: float = 0.0, **settings) -> Optimizer:
    """Build an optimiser by name: sgd, momentum, nesterov, rmsprop, adam."""
    classes = {c.name: c for c in (SGD, Momentum, Nesterov, RMSprop, Adam)}
    if name not in classes:
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "unknown optimiser {name}; choose one of {names}"),
                          name=repr(name), names=", ".join(NAMES))
    return classes[name](lr, weight_decay, **settings)
