"""CSV tables as data sets: a header row, numeric columns as the inputs, one column as the target.

>>> data = tables.load_table("penguins.csv")                    # the last column is the target
>>> data = tables.load_table("houses.csv", target="price", test_fraction=0.25)

Rules (each broken rule is one :class:`DataFileError` sentence naming the row and the column):

* The first row names the columns; cells are separated by commas (or semicolons, or tabs: whichever
  the header holds most of).  Rows are counted as a spreadsheet shows them: the header is row 1.
* A column whose cells are mostly numbers is numeric, and then every cell must be a finite number
  (an empty cell, "NA" or a word among numbers is an error); other columns are text.
* The target is the last column, or the one named.  Text labels, or whole numbers written without a
  decimal point, make a classification (class names from the labels: text in order of first
  appearance, numbers in numeric order); numbers with a decimal point make a regression.
* Every other numeric column is an input; text columns other than the target are left out (and the
  description says so).
* At most :data:`MAX_ROWS` rows are read unless ``max_rows`` is given (then the first ``max_rows``).

The split is stratified (each class keeps its share in the test split) and seeded; the inputs are
standardised with the training split's mean and deviation (:class:`Standardisation`, kept on the
Dataset and saved with a model, so predictions scale new rows the same way).  Reading uses the
standard library's ``csv`` and NumPy only.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .dataset import Dataset
from .errors import QT_TRANSLATE_NOOP, ConfigError, DataFileError, Message
from .paths import os_reason, readable_file
from .preprocess import Standardisation

#: Tables longer than this need ``max_rows``.
MAX_ROWS = 1_000_000
#: More distinct labels than this are refused (a number to predict should have a decimal point).
MAX_CLASSES = 256
#: File names read as tables whatever they hold.
SUFFIXES = (".csv", ".tsv", ".txt")
#: Rows parsed at a time (the column kinds are decided on the first block).
BLOCK = 65_536
_INTEGER = re.compile(r"^\s*[+-]?\d+\s*$")


@dataclass(frozen=True)
class Table:
    """A CSV table as read, before the split.

    Attributes:
        path: the file; input_names: the numeric input columns' names (header order).
        X: (n, n_in) float64 inputs in the table's own units.
        target_name: the target column; task: "classification" or "regression".
        targets: (n,) int64 class indices (classification) or float64 values (regression).
        class_names: one name per class (() for a regression).
        skipped: names of text columns left out of the inputs.
        truncated: whether rows after ``max_rows`` were left unread.
    """

    path: str
    input_names: tuple
    X: np.ndarray
    target_name: str
    task: str
    targets: np.ndarray
    class_names: tuple = ()
    skipped: tuple = ()
    truncated: bool = False


@dataclass
class _Column:
    """One column being read: numbers (float64 blocks) or text (strings)."""

    name: str
    index: int
    numeric: bool
    numbers: list
    texts: list
    integers: bool = True  # every number written as a whole number


def looks_like_table(path) -> bool:
    """Whether ``path`` is to be read as a table: a name ending in .csv, .tsv or .txt, or a file whose
    start is UTF-8 text (not a folder, nor a binary file such as an IDX file)."""
    path = Path(path).expanduser()
    if path.suffix.lower() in SUFFIXES:
        return True
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as e:
        return e.start > len(head) - 4 and b"\0" not in head  # a character cut at the end is still text
    return bool(head) and b"\0" not in head


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _where(path, row: int, column: _Column) -> str:
    return Message(QT_TRANSLATE_NOOP("Errors", "{path}: row {row}, column {column} {name}"), path=path, row=f"{row:,}",
                   column=column.index + 1, name=repr(column.name))


class _Reader:
    """Reads a CSV file block by block into :class:`_Column` s (see the module's rules)."""

    def __init__(self, path, max_rows: int | None):
        self.path = readable_file(path, DataFileError, Message(QT_TRANSLATE_NOOP("Errors", "CSV table")))
        if max_rows is not None and max_rows < 1:
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "--max-rows must be at least 1, got {n}"), n=max_rows)
        self.max_rows = max_rows
        self.truncated = False

    def read(self) -> list[_Column]:
        try:
            with open(self.path, newline="", encoding="utf-8-sig") as fh:
                return self._read(fh)
        except UnicodeDecodeError:
            raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{path}: not a UTF-8 text file (a CSV table is text)"),
                                path=self.path) from None
        except OSError as exc:
            raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{path}: cannot be read: {reason}"), path=self.path,
                                reason=os_reason(exc)) from None
        except csv.Error as exc:
            raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{path}: not a readable CSV table ({why})"), path=self.path,
                                why=exc) from None

    def _read(self, fh) -> list[_Column]:
        first = fh.readline()
        while first and not first.strip():
            first = fh.readline()
        if not first.strip():
            raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{path}: the file is empty: a CSV table needs a header row "
                                                  "naming the columns, then one row per sample"), path=self.path)
        delimiter = _delimiter(first)
        header = next(csv.reader(io.StringIO(first), delimiter=delimiter))
        names = [h.strip() or f"column {i + 1}" for i, h in enumerate(header)]
        seen = set()
        for name in names:
            if name in seen:
                raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{path}: row 1: the column name {name} appears twice"),
                                    path=self.path, name=repr(name))
            seen.add(name)
        self.names = names
        limit = self.max_rows if self.max_rows is not None else MAX_ROWS
        width = len(names)
        columns: list[_Column] | None = None
        block, rows, rows_read, row = [], [], 0, 1  # rows: the spreadsheet row of each of block's
        for cells in csv.reader(fh, delimiter=delimiter):
            row += 1
            if len(cells) != width:
                if not cells or (len(cells) == 1 and not cells[0].strip()):
                    continue  # a blank line
                where = (Message(QT_TRANSLATE_NOOP("Errors", "column {column} {name} is missing"),
                                 column=len(cells) + 1, name=repr(names[len(cells)])) if len(cells) < width
                         else Message(QT_TRANSLATE_NOOP("Errors", "column {column} is one too many"), column=width + 1))
                raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{path}: row {row} has {cells} but the header has "
                                                      "{width} columns: {where} (a ragged row)"),
                                    path=self.path, row=f"{row:,}", width=width, where=where,
                                    cells=Message(QT_TRANSLATE_NOOP("Errors", "1 cell")) if len(cells) == 1 else
                                    Message(QT_TRANSLATE_NOOP("Errors", "{n} cells"), n=len(cells)))
            if rows_read == limit:
                if self.max_rows is None:
                    raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{path}: more than {limit} data rows (row {row} "
                                                          "is one too many); read the first N with --max-rows N "
                                                          "(max_rows=N)"),
                                        path=self.path, limit=f"{MAX_ROWS:,}", row=f"{row:,}")
                self.truncated = True
                break
            block.append(cells)
            rows.append(row)
            rows_read += 1
            if len(block) == BLOCK:
                columns = self._take(block, rows, columns)
                block, rows = [], []
        if block or columns is None:
            columns = self._take(block, rows, columns)
        if rows_read == 0:
            raise DataFileError(QT_TRANSLATE_NOOP(
                "Errors", "{path}: no data rows after the header (row 1)"), path=self.path)
        return columns

    def _take(self, block: list, rows: list, columns: list[_Column] | None) -> list[_Column]:
        """Add a block of rows of cells (their spreadsheet rows: ``rows``) to the columns (whose
        kinds are decided on the first block)."""
        by_column = list(zip(*block)) if block else [()] * len(self.names)
        if columns is None:
            columns = []
            for j, name in enumerate(self.names):
                cells = [c.strip() for c in by_column[j] if c.strip()]
                numeric = bool(cells) and sum(map(_is_number, cells)) * 2 > len(cells)
                columns.append(_Column(name, j, numeric, [], []))
        for column in columns:
            cells = by_column[column.index]
            if not column.numeric:
                column.texts.extend(c.strip() for c in cells)
                continue
            try:
                values = np.array(cells, dtype=np.float64)  # surrounding spaces are allowed
            except ValueError:
                values = None
            if values is None or not np.isfinite(values).all():
                for row, cell in zip(rows, cells):
                    cell = cell.strip()
                    if not cell:
                        raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{where}: an empty cell in a column of numbers "
                                                              "(nnviz does not fill in missing values)"),
                                            where=_where(self.path, row, column))
                    if not _is_number(cell):
                        raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{where}: {cell} is not a number, but the "
                                                              "column holds numbers"),
                                            where=_where(self.path, row, column), cell=repr(cell[:40]))
                    if not np.isfinite(float(cell)):
                        raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{where}: {cell} is not a finite number"),
                                            where=_where(self.path, row, column), cell=repr(cell[:40]))
            column.numbers.append(values)
            if column.integers:
                column.integers = all(map(_INTEGER.match, cells))
        return columns


def _numbers(column: _Column) -> np.ndarray:
    return np.concatenate(column.numbers) if column.numbers else np.zeros(0)


def read_table(path, target: str | None = None, max_rows: int | None = None,
               classes: tuple | None = None, task: str | None = None) -> Table:
    """Read a CSV table (see the module's rules).  ``classes``: the class names a saved model
    knows, in its order (a label outside them is an error); default: from the labels.  ``task``:
    a saved model's ("regression" reads whole numbers as values too); default: from the cells."""
    reader = _Reader(path, max_rows)
    columns = reader.read()
    path = reader.path
    names = [c.name for c in columns]
    if target is None:
        target_col = columns[-1]
    elif target in names:
        target_col = columns[names.index(target)]
    else:
        raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{path}: no column {target} to predict; the columns are "
                                              "{names}"), path=path, target=repr(target), names=", ".join(names))
    inputs = [c for c in columns if c.numeric and c is not target_col]
    if not inputs:
        raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{path}: no column of numbers besides the target {target}: "
                                              "the network needs numeric inputs"),
                            path=path, target=repr(target_col.name))
    X = np.stack([_numbers(c) for c in inputs], axis=1)
    wanted, task, labels = task, "classification", None
    if wanted == "regression" and not target_col.numeric:
        raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{path}: column {column} {name} (the target) holds text, "
                                              "but the model predicts a number"),
                            path=path, column=target_col.index + 1, name=repr(target_col.name))
    if target_col.numeric and (wanted == "regression" or (not target_col.integers and classes is None)):
        task, targets, class_names = "regression", _numbers(target_col), ()
    elif target_col.numeric:
        values = _numbers(target_col).astype(np.int64)
        labels = [str(v) for v in values]
        order = sorted(set(values.tolist()))
    else:
        labels = target_col.texts
        order = list(dict.fromkeys(labels))
    if task == "classification":
        if "" in labels:
            raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{where}: an empty label (every row needs its class)"),
                                where=_where(path, _row_of(path, labels.index(""), max_rows), target_col))
        class_names = tuple(classes) if classes is not None else tuple(str(v) for v in order)
        index = {name: i for i, name in enumerate(class_names)}
        try:
            targets = np.fromiter((index[label] for label in labels), np.int64, len(labels))
        except KeyError:
            row = next(i for i, label in enumerate(labels) if label not in index)
            raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{where}: the label {label} is not one of the model's "
                                                  "classes ({classes})"),
                                where=_where(path, _row_of(path, row, max_rows), target_col),
                                label=repr(labels[row][:40]), classes=", ".join(class_names)) from None
        if classes is None and len(class_names) < 2:
            raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{path}: column {column} {name} (the target) has one "
                                                  "class only ({label}): a classifier needs at least two"),
                                path=path, column=target_col.index + 1, name=repr(target_col.name),
                                label=repr(class_names[0]))
        if len(class_names) > MAX_CLASSES:
            raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{path}: column {column} {name} (the target) has {n} "
                                                  "different labels, more than {limit} classes; to predict a number, "
                                                  "write it with a decimal point (3.0) to make a regression"),
                                path=path, column=target_col.index + 1, name=repr(target_col.name),
                                n=f"{len(class_names):,}", limit=MAX_CLASSES)
    skipped = tuple(c.name for c in columns if not c.numeric and c is not target_col)
    return Table(str(path), tuple(c.name for c in inputs), X, target_col.name, task, targets, class_names, skipped,
                 reader.truncated)


def _row_of(path, data_index: int, max_rows) -> int:
    """The spreadsheet row of the ``data_index``-th data row (blank lines count as rows)."""
    reader = _Reader(path, max_rows)
    with open(reader.path, newline="", encoding="utf-8-sig") as fh:
        first = fh.readline()
        row, seen = 1, -1
        for cells in csv.reader(fh, delimiter=_delimiter(first)):
            row += 1
            if cells and not (len(cells) == 1 and not cells[0].strip()):
                seen += 1
                if seen == data_index:
                    return row
    return row


def split(n: int, labels: np.ndarray | None, test_fraction: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """(train indices, test indices), each sorted, of ``n`` rows.

    With ``labels`` (n,) the split is stratified: each class with two rows or more puts
    round(count * test_fraction) of them (at least one, never all) in the test split; a class of
    one row trains.  The shuffle is ``np.random.default_rng(seed)``'s: the same seed, the same split."""
    if not 0 < test_fraction < 1:
        raise ConfigError(QT_TRANSLATE_NOOP(
            "Errors", "the test fraction must be between 0 and 1 (e.g. 0.2), got {value}"), value=test_fraction)
    rng = np.random.default_rng(seed)
    groups = ([np.flatnonzero(labels == c) for c in np.unique(labels)] if labels is not None
              else [np.arange(n)])
    train, test = [], []
    for idx in groups:
        idx = rng.permutation(idx)
        k = int(np.clip(round(len(idx) * test_fraction), 1, len(idx) - 1)) if len(idx) >= 2 else 0
        test.append(idx[:k])
        train.append(idx[k:])
    train, test = np.sort(np.concatenate(train)), np.sort(np.concatenate(test))
    if len(test) == 0 or len(train) == 0:
        why = (QT_TRANSLATE_NOOP("Errors", "every class has a single row (a number to predict? write it with a "
                                           "decimal point, 3.0, for a regression)")
               if labels is not None and n > 1 else QT_TRANSLATE_NOOP("Errors", "at least two rows are needed"))
        rows = (Message(QT_TRANSLATE_NOOP("Errors", "1 row")) if n == 1
                else Message(QT_TRANSLATE_NOOP("Errors", "{n} rows"), n=n))
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "{rows} cannot be split into a training and a test set: {why}"),
                          rows=rows, why=Message(why))
    return train, test


def to_dataset(table: Table, test_fraction: float = 0.2, seed: int = 0,
               standardisation: Standardisation | None = None, max_rows: int | None = None) -> Dataset:
    """The Dataset of ``table``: split, then standardised with the training split's figures (or
    with ``standardisation``, e.g. a saved model's)."""
    classify = table.task == "classification"
    train, test = split(len(table.X), table.targets if classify else None, test_fraction, seed)
    if standardisation is None:
        standardisation = Standardisation.fit(table.X[train])
    elif standardisation.mean.shape != (table.X.shape[1],):
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "{path}: the table has {n} inputs but the saved "
                                                      "standardisation has {saved}"),
                          path=table.path, n=table.X.shape[1], saved=len(standardisation.mean))
    X = standardisation.apply(table.X)
    if classify:
        Y = np.zeros((len(X), len(table.class_names)), np.float32)
        Y[np.arange(len(X)), table.targets] = 1.0
        labels = table.targets.astype(np.int64)
    else:
        Y, labels = table.targets.astype(np.float32)[:, None], np.zeros(len(X), np.int64)
    arrays = [X[train], Y[train], X[test], Y[test], labels[train], labels[test]]
    for a in arrays:
        a.flags.writeable = False
    name = Path(table.path).stem
    return Dataset(name, *arrays, class_names=table.class_names or (table.target_name,),
                   description=_description(table, len(train), len(test), seed),
                   input_names=table.input_names, task=table.task, standardisation=standardisation,
                   table={"csv": str(Path(table.path).resolve()), "target": table.target_name,
                          "test_fraction": test_fraction, "seed": seed, "max_rows": max_rows})


def _first_names(names, shown: int = 6) -> str:
    """"a, b, c" of the first ``shown`` names, then ", ..." when there are more."""
    return ", ".join(names[:shown]) + (", ..." if len(names) > shown else "")


def _description(table: Table, n_train: int, n_test: int, seed: int) -> Message:
    """The sentence the status bar shows for a table read as data: its rows, inputs, target, split
    (a Message under "Errors", the context of every core sentence: the window translates it)."""
    if table.task == "classification":
        what = Message(QT_TRANSLATE_NOOP("Errors", "{n} classes: {names}"), n=len(table.class_names),
                       names=_first_names(table.class_names))
    else:
        what = Message(QT_TRANSLATE_NOOP("Errors", "a number to predict (regression)"))
    rows = f"{n_train + n_test:,}"
    rows = Message(QT_TRANSLATE_NOOP("Errors", "{n} rows (the first: --max-rows)"), n=rows) if table.truncated \
        else Message(QT_TRANSLATE_NOOP("Errors", "{n} rows"), n=rows)
    n_in = len(table.input_names)
    inputs = Message(QT_TRANSLATE_NOOP("Errors", "{n} input ({names})") if n_in == 1 else
                     QT_TRANSLATE_NOOP("Errors", "{n} inputs ({names})"), n=n_in, names=_first_names(table.input_names))
    description = Message(QT_TRANSLATE_NOOP("Errors", "{name}: {rows}, {inputs}, target {target} ({what}); {train} "
                                                      "for training, {test} for testing (seed {seed}); inputs "
                                                      "standardised with the training split's mean and deviation."),
                          name=Path(table.path).name, rows=rows, inputs=inputs, target=repr(table.target_name),
                          what=what, train=f"{n_train:,}", test=f"{n_test:,}", seed=seed)
    if table.skipped:
        description = Message(QT_TRANSLATE_NOOP("Errors", "{description} Text columns left out: {names}."),
                              description=description, names=", ".join(table.skipped))
    return description


def load_table(path, target: str | None = None, test_fraction: float = 0.2, seed: int = 0,
               max_rows: int | None = None, standardisation: Standardisation | None = None,
               classes: tuple | None = None, task: str | None = None) -> Dataset:
    """Read a CSV table and make it a Dataset (see :func:`read_table` and :func:`to_dataset`)."""
    table = read_table(path, target, max_rows, classes, task)
    return to_dataset(table, test_fraction, seed, standardisation, max_rows)


def reload(info: dict, standardisation: Standardisation | None = None, classes: tuple | None = None,
           task: str | None = None) -> Dataset:
    """The Dataset a ``Dataset.table`` dict describes, read again (with a saved model's
    standardisation and class names, so it sees its inputs as it was trained)."""
    try:
        path, target = str(info["csv"]), str(info["target"])
        fraction, seed = float(info.get("test_fraction", 0.2)), int(info.get("seed", 0))
        max_rows = None if info.get("max_rows") is None else int(info["max_rows"])
    except (KeyError, TypeError, ValueError):
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "the saved table description is incomplete (csv, "
                                                      "target...)")) from None
    return load_table(path, target, fraction, seed, max_rows, standardisation, classes, task)


def read_inputs(path, names, max_rows: int | None = None) -> np.ndarray:
    """(n, len(names)) float64: the columns ``names`` of a CSV table (any others are ignored), for
    predictions by a model trained on a table with those inputs."""
    reader = _Reader(path, max_rows)
    columns = {c.name: c for c in reader.read()}
    missing = [name for name in names if name not in columns]
    if missing:
        raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{path}: no column {name}; the model's inputs are {names}"),
                            path=reader.path, name=repr(missing[0]), names=", ".join(names))
    for name in names:
        if not columns[name].numeric:
            c = columns[name]
            raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{path}: column {column} {name} holds text, but the "
                                                  "model takes it as a number"),
                                path=reader.path, column=c.index + 1, name=repr(name))
    return np.stack([_numbers(columns[name]) for name in names], axis=1)


def table_text(X: np.ndarray, labels: np.ndarray, input_names, class_names, target_name: str = "class") -> str:
    """CSV text of points X (n, n_in) with their classes labels (n,) named by ``class_names``: a
    header, then one row per point, grouped by class (so classes read back in the same order)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*input_names, target_name])
    for i in np.argsort(labels, kind="stable"):
        writer.writerow([*(repr(float(v)) for v in X[i]), class_names[int(labels[i])]])
    return out.getvalue()


def save_points(path, X: np.ndarray, labels: np.ndarray, input_names, class_names, target_name: str = "class") -> None:
    """Write points as a CSV table (see :func:`table_text`), atomically."""
    from .serialization import atomic_write

    data = table_text(X, labels, input_names, class_names, target_name).encode("utf-8")
    atomic_write(path, lambda fh: fh.write(data), error=DataFileError)


def describe(data: Dataset) -> dict:
    """What a model trained on table data keeps of it, JSON-able: how the table was read
    (``data.table``), its standardisation, inputs, task and class names.  {} for other data."""
    if data.table is None or data.standardisation is None:
        return {}
    return {**data.table, "standardisation": data.standardisation.to_json(), "inputs": list(data.input_names),
            "task": data.task, "classes": list(data.class_names) if data.task == "classification" else []}


def saved_preprocessing(info: dict) -> tuple[Standardisation, tuple, tuple | None]:
    """(standardisation, input names, class names or None for a regression) from :func:`describe`'s
    dict, as a saved model holds it; raises ConfigError when it is malformed."""
    standardisation = Standardisation.from_json(info.get("standardisation"))
    inputs = info.get("inputs")
    if not isinstance(inputs, list) or len(inputs) != len(standardisation.mean):
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "the saved table inputs do not match its standardisation"))
    classes = info.get("classes") if info.get("task", "classification") == "classification" else None
    if classes is not None and (not isinstance(classes, list) or len(classes) < 2):
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "the saved table's class names are missing"))
    return standardisation, tuple(map(str, inputs)), tuple(map(str, classes)) if classes is not None else None


def reload_described(info: dict, path=None) -> Dataset:
    """The Dataset :func:`describe` described, read again from ``path`` (default: the file it was
    read from) with the saved standardisation and class names."""
    standardisation, inputs, classes = saved_preprocessing(info)
    data = reload({**info, "csv": str(path) if path is not None else info.get("csv")}, standardisation, classes,
                  "classification" if classes is not None else "regression")
    if data.input_names != inputs:
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "the table's inputs ({names}) are not the model's ({saved})"),
                          names=", ".join(data.input_names), saved=", ".join(inputs))
    return data
