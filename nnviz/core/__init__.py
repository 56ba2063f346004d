"""nnviz.core: neural networks in plain NumPy.  Imports no Qt.

>>> from nnviz.core import Network, Trainer, datasets
>>> net = Network([784, 16, 16, 10], activation="sigmoid", loss="cross_entropy", seed=0)
>>> tr = Trainer(net, datasets.load("digits"), optimizer="adam", lr=1e-3, batch_size=32, seed=0)
>>> state = tr.step()
"""
from . import datasets, tables
from .dataset import Dataset
from .errors import ConfigError, DataFileError, ModelFileError, NNVizError
from .network import Network
from .preprocess import preprocess_drawing
from .pretrained import load_pretrained
from .serialization import load_network, save_network
from .state import StepState
from .trainer import Evaluation, Trainer, evaluate

__all__ = [
    "ConfigError", "DataFileError", "Dataset", "Evaluation", "ModelFileError", "NNVizError", "Network",
    "StepState", "Trainer", "datasets", "load_network", "load_pretrained", "preprocess_drawing",
    "save_network", "evaluate", "tables",
]
