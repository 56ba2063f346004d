"""Error types with messages meant for the user, not a traceback."""


class NNVizError(ValueError):
    """Base class: the message is one readable sentence naming the problem."""


class ConfigError(NNVizError):
    """An impossible or absurd setting (layer size 0, negative learning rate...)."""


class DataFileError(NNVizError):
    """A data file (IDX, image) that is missing, truncated or malformed."""


class ModelFileError(NNVizError):
    """A saved-model file (.npz) that is missing, truncated or malformed."""
