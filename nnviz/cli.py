"""The ``nnviz`` command: the app by default, plus train, eval, predict, record and bench.

Every subcommand accepts ``--json`` and then prints one JSON object as its
last line.  A bad file or argument exits with status 2 and one readable
line on stderr, never a traceback.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

from nnviz.cli_language import LANGUAGES, error_text, language_code, language_from, translate, use_language
from nnviz.panes import PANES


class _Formatter(argparse.HelpFormatter):
    """argparse's help with its own words ("usage:") in the command line's language."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, translate("CLI", "usage: ") if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser in the command line's language whose errors are one line: ``nnviz: error: ...``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **{**kwargs, "formatter_class": _Formatter, "add_help": False})
        self._positionals.title = translate("CLI", "positional arguments")
        self._optionals.title = translate("CLI", "options")
        self.add_argument("-h", "--help", action="help", help=translate("CLI", "show this help message and exit"))

    def error(self, message):
        self.exit(2, "nnviz: " + translate("CLI", "error: {message} (see {prog} --help)").format(
            message=message, prog=self.prog) + "\n")


def _sizes(text: str) -> list[int]:
    try:
        return [int(part) for part in text.replace("-", ",").split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(translate("CLI", "layer sizes must be whole numbers like 784,16,16,10, not "
                                                          "{text}").format(text=repr(text)))


def _language(text: str) -> str:
    code = language_code(text)
    if code is None:
        raise argparse.ArgumentTypeError(translate("CLI", "unknown language {text}; choose one of {languages}").format(
            text=repr(text), languages=", ".join(LANGUAGES)))
    return code


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(translate("CLI", "a size is WIDTHxHEIGHT in pixels, like 1280x720, not "
                                                          "{text}").format(text=repr(text)))
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise argparse.ArgumentTypeError(translate("CLI", "{text}: the window is 320x240 to 7680x4320 "
                                                          "pixels").format(text=text))
    return width, height


def build_parser() -> argparse.ArgumentParser:
    from nnviz.core import datasets, optimizers
    from nnviz.core.activations import ACTIVATIONS
    from nnviz.core.normalization import NORMS

    parser = _Parser(prog="nnviz", description=translate(
        "CLI", "See a neural network think and learn. With no command, opens the window."))
    parser.add_argument("--lang", metavar="LANG", type=_language, help=translate(
        "CLI", "the window's language: zh_CN (简体中文) or en; default: View > Language, else the system's"))
    parser.add_argument("--screenshot", metavar="FILE", help=translate(
        "CLI", "build the window offscreen, save a PNG of it and exit"))
    parser.add_argument("--steps", type=int, default=0, help=translate(
        "CLI", "with --screenshot: train this many steps first"))
    parser.add_argument("--pane", choices=list(PANES), default="window", help=translate(
        "CLI", "with --screenshot: only this pane (default: the whole window)"))
    parser.add_argument("--preset", metavar="LESSON", help=translate(
        "CLI", "open on a lesson, by the start of its title (e.g. 'Playground: spiral')"))
    parser.add_argument("--tab", choices=["curves", "layers", "formulas"], help=translate(
        "CLI", "bring this tab of the bottom pane to the front"))
    parser.add_argument("--open", metavar="FILE", dest="open_path", help=translate(
        "CLI", "open a saved model (.npz) with its data set, or an ONNX model of dense layers (.onnx); "
               "`nnviz FILE` does the same"))
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    train = sub.add_parser("train", help=translate("CLI", "train a network and optionally save it"))
    source = train.add_mutually_exclusive_group()
    source.add_argument("--dataset", default="digits", choices=datasets.NAMES,
                        help=translate("CLI", "a bundled data set"))
    source.add_argument("--data", metavar="DIR|FILE.csv", help=translate(
        "CLI", "a folder of MNIST-format IDX files, or a CSV table (a header row; numeric columns are the inputs, "
               "the last column the target)"))
    train.add_argument("--target", metavar="NAME", help=translate(
        "CLI", "with a CSV table: the column to predict (default: the last)"))
    train.add_argument("--test-fraction", type=float, default=0.2, help=translate(
        "CLI", "with a CSV table: the share of rows held out for testing (stratified, seed 0; default 0.2)"))
    train.add_argument("--max-rows", type=int, default=None, help=translate(
        "CLI", "with a CSV table: read only the first N rows (needed above 1,000,000)"))
    train.add_argument("--layers", type=_sizes, default=None, help=translate(
        "CLI", "layer sizes, input first, e.g. 784,16,16,10 (default fits the data: N,16,16,K)"))
    train.add_argument("--activation", default="sigmoid", choices=list(ACTIVATIONS))
    train.add_argument("--loss", default=None, choices=["cross_entropy", "mse"], help=translate(
        "CLI", "default: cross_entropy, or mse for a regression (a table whose target is a number)"))
    train.add_argument("--output", default=None, choices=["linear", "sigmoid", "softmax"])
    train.add_argument("--optimizer", default="adam", choices=optimizers.NAMES)
    train.add_argument("--lr", type=float, default=1e-3, help=translate("CLI", "learning rate"))
    train.add_argument("--momentum", type=float, default=None,
                       help=translate("CLI", "momentum for momentum/nesterov/rmsprop"))
    train.add_argument("--weight-decay", type=float, default=0.0, help=translate("CLI", "L2 weight decay"))
    train.add_argument("--batch-size", type=int, default=32)
    train.add_argument("--epochs", type=float, default=5,
                       help=translate("CLI", "passes over the training split (may be fractional)"))
    train.add_argument("--norm", default="none", choices=NORMS)
    train.add_argument("--seed", type=int, default=0)
    train.add_argument("--augment", action="store_true", help=translate(
        "CLI", "random shifts, rotations and stroke widths on digit images while training"))
    train.add_argument("--save", metavar="PATH", help=translate("CLI", "write the trained model here (.npz)"))
    train.add_argument("--json", action="store_true", help=translate("CLI", "print one JSON object as the last line"))

    ev = sub.add_parser("eval", help=translate("CLI", "accuracy and loss of a saved model on a test split"))
    ev.add_argument("--model", required=True, metavar="PATH",
                    help=translate("CLI", "a saved model (.npz) or an ONNX model (.onnx)"))
    src = ev.add_mutually_exclusive_group()
    src.add_argument("--dataset", default="digits", choices=datasets.NAMES)
    src.add_argument("--data", metavar="DIR|FILE.csv", help=translate(
        "CLI", "a folder of MNIST-format IDX files, or a CSV table like the model's (read with its "
               "standardisation; the model's test split is measured)"))
    ev.add_argument("--json", action="store_true")

    pr = sub.add_parser("predict", help=translate(
        "CLI", "classify a digit image (PNG, JPG...), or the rows of a CSV table"))
    pr.add_argument("--model", default=None, metavar="PATH", help=translate(
        "CLI", "a saved model (.npz) or an ONNX model (.onnx); default: the shipped strong model"))
    pr.add_argument("image", help=translate(
        "CLI", "a picture of a digit; for a model trained on a table, a CSV file with its input columns "
               "(standardised as in training)"))
    pr.add_argument("--json", action="store_true")

    rec = sub.add_parser("record", help=translate(
        "CLI", "train offscreen and write an animated GIF (or MP4) of the window or a pane"))
    rec.add_argument("--preset", metavar="LESSON", help=translate(
        "CLI", "the lesson to train, by the start of its title (e.g. 'Playground: spiral'; default: the first "
               "network, on digits)"))
    rec.add_argument("--steps", type=int, default=300, help=translate("CLI", "training steps to record (default 300)"))
    rec.add_argument("--out", required=True, metavar="FILE",
                     help=translate("CLI", "the animation: .gif, or .mp4 with nnviz[video]"))
    rec.add_argument("--pane", choices=list(PANES), default="window",
                     help=translate("CLI", "what to record (default: the window)"))
    rec.add_argument("--fps", type=float, default=15, help=translate(
        "CLI", "frames a second (1-60, default 15); the clip lasts about 10 s, one frame every steps/(10*fps) steps"))
    rec.add_argument("--size", type=_size, default=(1280, 720), metavar="WxH",
                     help=translate("CLI", "the window's size in pixels (default 1280x720)"))
    rec.add_argument("--json", action="store_true")

    be = sub.add_parser("bench", help=translate("CLI", "speed benchmarks (against PyTorch when installed)"))
    be.add_argument("--quick", action="store_true", help=translate("CLI", "shorter runs (less precise)"))
    be.add_argument("--gui", action="store_true", help=translate("CLI", "also benchmark the window and its panes"))
    be.add_argument("--long", action="store_true", help=translate(
        "CLI", "only the long run: 200,000 steps at full speed with the window open (minutes)"))
    be.add_argument("--json", action="store_true")
    return parser


def _is_table(path) -> bool:
    """A CSV table rather than a folder of IDX files (see :func:`nnviz.core.tables.looks_like_table`)."""
    from nnviz.core import tables

    return tables.looks_like_table(path)


def _load_data(args):
    from nnviz.core import datasets, tables
    from nnviz.core.errors import QT_TRANSLATE_NOOP, ConfigError

    table_options = [o for o, v in (("--target", getattr(args, "target", None)),
                                    ("--max-rows", getattr(args, "max_rows", None))) if v is not None]
    if getattr(args, "test_fraction", 0.2) != 0.2:
        table_options.append("--test-fraction")
    if table_options and not (args.data and _is_table(args.data)):
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "{options} need a CSV table: --data FILE.csv")
                          if len(table_options) > 1 else
                          QT_TRANSLATE_NOOP("Errors", "{options} needs a CSV table: --data FILE.csv"),
                          options=", ".join(table_options))
    if args.data and _is_table(args.data):
        return tables.load_table(args.data, args.target, args.test_fraction, 0, args.max_rows)
    return datasets.load_idx(args.data) if args.data else datasets.load(args.dataset)


def _progress(text: str) -> None:
    """One updating line on stderr (only when it is a terminal)."""
    if sys.stderr.isatty():
        sys.stderr.write("\r" + text.ljust(70))
        sys.stderr.flush()


def cmd_train(args) -> dict:
    from nnviz.core import Network, Trainer, save_network
    from nnviz.core.errors import QT_TRANSLATE_NOOP, ConfigError

    if args.save:  # before the training, not after it
        from nnviz.core.errors import ModelFileError
        from nnviz.core.paths import writable_target

        writable_target(args.save, ModelFileError)
    data = _load_data(args)
    sizes = args.layers or [data.n_inputs, 16, 16, data.n_outputs]
    if sizes[0] != data.n_inputs or sizes[-1] != data.n_outputs:
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "layers {sizes} do not fit {name}: it needs {inputs} inputs and "
                                            "{outputs} outputs"), sizes="-".join(map(str, sizes)),
                          name=repr(data.name), inputs=data.n_inputs, outputs=data.n_outputs)
    if not args.epochs > 0:
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "--epochs must be > 0, got {epochs}"), epochs=args.epochs)
    loss = args.loss or ("mse" if data.task == "regression" else "cross_entropy")
    output = args.output or ("linear" if data.task == "regression" else None)
    net = Network(sizes, activation=args.activation, loss=loss, output=output, norm=args.norm, seed=args.seed)
    settings = {"momentum": args.momentum} if args.momentum is not None else {}
    augment = None
    if args.augment:
        if data.image_shape != (28, 28):
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "--augment works on 28x28 digit images only"))
        from nnviz.core.augment import augment_digits
        augment = augment_digits
    trainer = Trainer(net, data, optimizer=args.optimizer, lr=args.lr, batch_size=args.batch_size,
                      seed=args.seed, weight_decay=args.weight_decay, augment=augment, **settings)
    n_steps = int(np.ceil(args.epochs * len(data.X_train) / args.batch_size))
    start = time.perf_counter()
    for i in range(n_steps):
        state = trainer.step()
        if state.diverged:
            raise ConfigError(state.message)
        if i % 200 == 0:
            _progress(translate("CLI", "step {step}/{steps}  epoch {epoch}  loss {loss}").format(
                step=f"{i:,}", steps=f"{n_steps:,}", epoch=f"{state.epoch:.2f}", loss=f"{state.loss:.4f}"))
    seconds = time.perf_counter() - start
    _progress("")
    ev = trainer.evaluate()
    result = {"test_accuracy": ev.accuracy, "test_loss": ev.loss, "train_seconds": round(seconds, 3),
              "steps": n_steps, "layers": sizes, "dataset": data.name, "parameters": net.n_params}
    if args.save:
        from nnviz.core import tables

        table = {"table": tables.describe(data)} if data.table else {}
        save_network(net, args.save, metadata={**result, "command": " ".join(sys.argv[1:]), **table})
        result["saved"] = args.save
    done = (translate("CLI", "{data}: {sizes} {activation}, {steps} steps in {seconds} s: test accuracy {accuracy}, "
                             "test loss {loss}") if np.isfinite(ev.accuracy) else
            translate("CLI", "{data}: {sizes} {activation}, {steps} steps in {seconds} s: test loss {loss}"))
    print(done.format(data=data.name, sizes="-".join(map(str, sizes)), activation=args.activation,
                      steps=f"{n_steps:,}", seconds=f"{seconds:.1f}", accuracy=f"{ev.accuracy:.2%}",
                      loss=f"{ev.loss:.4f}"))
    return result


def cmd_eval(args) -> dict:
    from nnviz.core import evaluate, load_network

    net, meta = load_network(args.model, with_metadata=True)
    if args.data and _is_table(args.data):
        from nnviz.core import tables
        from nnviz.core.errors import QT_TRANSLATE_NOOP, ConfigError

        if not isinstance(meta.get("table"), dict):
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "{path}: the model was not trained on a table (it keeps no "
                                                "standardisation)"), path=args.model)
        data = tables.reload_described(meta["table"], args.data)
    else:
        data = _load_data(args)
    ev = evaluate(net, data)
    print(translate("CLI", "{model} on {data}: accuracy {accuracy}, loss {loss} ({samples} samples)").format(
        model=args.model, data=data.name, accuracy=f"{ev.accuracy:.2%}", loss=f"{ev.loss:.4f}",
        samples=f"{ev.samples:,}"))
    return {"accuracy": ev.accuracy, "loss": ev.loss, "samples": ev.samples}


def cmd_predict(args) -> dict:
    from nnviz.core import load_network, load_pretrained, preprocess_drawing
    from nnviz.core.errors import QT_TRANSLATE_NOOP, ConfigError
    from nnviz.gui.image_files import load_image

    net, meta = load_network(args.model, with_metadata=True) if args.model else (load_pretrained(), {})
    if isinstance(meta.get("table"), dict):
        return _predict_rows(net, meta["table"], args.image)
    if net.sizes[0] != 784:
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "{path}: the model takes {n} inputs, not a 28x28 image"),
                          path=args.model, n=net.sizes[0])
    x = preprocess_drawing(load_image(args.image)).reshape(1, -1)
    p = net.forward(x)[0]
    digit = int(np.argmax(p))
    print(f"{args.image}: {digit} ({p[digit]:.1%})")
    return {"digit": digit, "probabilities": [round(float(v), 6) for v in p]}


def cmd_record(args) -> dict:
    from nnviz.core.animation import check_target
    from nnviz.core.errors import QT_TRANSLATE_NOOP, ConfigError
    from nnviz.core.paths import writable_target
    from nnviz.lessons import find_lesson

    if not 1 <= args.steps <= 1_000_000:
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "--steps must be 1 to 1,000,000, not {steps}"), steps=args.steps)
    if not 1 <= args.fps <= 60:
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "--fps must be 1 to 60 frames a second, not {fps}"),
                          fps=f"{args.fps:g}")
    check_target(args.out)
    writable_target(args.out, ConfigError)
    if args.preset:
        try:
            find_lesson(args.preset)
        except ValueError as exc:
            raise ConfigError(getattr(exc, "message", str(exc))) from None
    from nnviz.gui.offscreen import record

    result = record(args.out, args.steps, args.preset, args.pane, args.fps, args.size)
    print(result["path"])
    return result


def _predict_rows(net, info: dict, path) -> dict:
    """Predictions of a model trained on a table for each row of the CSV table ``path``."""
    from nnviz.core import tables
    from nnviz.core.network import classify

    standardisation, inputs, classes = tables.saved_preprocessing(info)
    P = net.forward(standardisation.apply(tables.read_inputs(path, inputs)))
    if classes is None:
        values = [round(float(v), 6) for v in P[:, 0]]
        for i, v in enumerate(values):
            print(translate("CLI", "row {row}: {target} = {value}").format(row=i + 2, target=info.get("target", "y"),
                                                                         value=f"{v:.6g}"))
        return {"predictions": values}
    answers = [classes[int(k)] for k in classify(P)]
    for i, (answer, p) in enumerate(zip(answers, P)):
        print(translate("CLI", "row {row}: {answer} ({probability})").format(
            row=i + 2, answer=answer, probability=f"{p.max() if len(p) > 1 else max(p[0], 1 - p[0]):.1%}"))
    return {"predictions": answers, "probabilities": [[round(float(v), 6) for v in p] for p in P]}


def cmd_bench(args) -> dict:
    from nnviz import bench

    if args.long:
        result = {"gui": bench.run_gui(long=True)}
        print(json.dumps(result["gui"], indent=1))
        return result
    result = bench.run(quick=args.quick)
    if args.gui:
        result["gui"] = bench.run_gui(quick=args.quick)
    print(bench.summary(result))
    return result


def _finite(value):
    """NaN (the accuracy of a regression) as null, so the line stays valid JSON."""
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


COMMANDS = ("train", "eval", "predict", "record", "bench")


def entry() -> None:
    """The ``nnviz`` command and ``python -m nnviz``: run, then exit with its code.  Windows and
    their trainer threads end in :mod:`nnviz.gui.lifetime` (at ``aboutToQuit`` and at exit)."""
    try:
        code = main()
    except ModuleNotFoundError as e:
        if e.name not in ("PySide6", "pyqtgraph"):
            raise
        print(f"nnviz: {e}", file=sys.stderr)  # the window's libraries are missing: the sentence of nnviz.gui
        code = 2
    sys.exit(code)


def main(argv=None) -> int:
    from nnviz.core.errors import NNVizError

    argv = list(sys.argv[1:] if argv is None else argv)
    use_language(language_from(argv))  # --lang, else the system's: the help and messages below speak it
    if (argv and not argv[0].startswith("-") and argv[0] not in COMMANDS
            and (argv[0].lower().endswith((".npz", ".onnx")) or Path(argv[0]).exists())):
        argv = ["--open", *argv]  # `nnviz model.npz`, as a file manager's "open with" runs it (a typo
        # of a command, `nnviz trian`, stays an argparse error)
    args = build_parser().parse_args(argv)
    if args.command is None:
        from nnviz.gui.app import run

        return run(screenshot=args.screenshot, steps=args.steps, preset=args.preset, tab=args.tab,
                   open_path=args.open_path, pane=args.pane, lang=args.lang)
    command = {"train": cmd_train, "eval": cmd_eval, "predict": cmd_predict, "record": cmd_record,
               "bench": cmd_bench}[args.command]
    try:
        result = command(args)
    except NNVizError as exc:
        print(f"nnviz {args.command}: " + translate("CLI", "error: {error}").format(error=error_text(exc)),
              file=sys.stderr)
        return 2
    except OSError as exc:
        from nnviz.core.paths import os_reason

        where = f"{exc.filename}: " if exc.filename else ""
        print(f"nnviz {args.command}: " + translate("CLI", "error: {error}").format(
            error=where + error_text(os_reason(exc))), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"nnviz {args.command}: " + translate("CLI", "interrupted"), file=sys.stderr)
        return 130
    if args.json:
        print(json.dumps(_finite(result)))
    return 0
