"""The trained models shipped in ``resources/``."""
from __future__ import annotations

from .datasets import resources_dir
from .errors import ConfigError
from .network import Network
from .serialization import load_network

#: name -> file in resources/, and how it was made (see resources/README.md).
MODELS = {
    "strong": "model-strong.npz",  # 784-256-128-10 relu, trained with augmentation
    "3b1b": "model-3b1b.npz",  # 784-16-16-10 sigmoid, the 3Blue1Brown network
}


def load_pretrained(name: str = "strong") -> Network:
    """Load a shipped model: "strong" (default) or "3b1b" (784-16-16-10 sigmoid)."""
    if name not in MODELS:
        raise ConfigError(f"unknown pretrained model {name!r}; choose one of {', '.join(MODELS)}")
    return load_network(resources_dir() / MODELS[name])
