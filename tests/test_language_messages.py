"""The last English messages in Chinese (#16): why an ONNX file is refused and how one was read, how
a CSV table was read (the status bar), a saved model's table settings, and argparse's own words on
the command line.  The English (``str(e)``, the CLI under an English locale) is unchanged."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from nnviz import cli_language
from nnviz.core import ConfigError, ModelFileError, load_network, tables
from nnviz.gui.language import install_translator
from nnviz.gui.translations import update

ROOT = Path(__file__).resolve().parent.parent
onnx = pytest.importorskip("onnx")


@pytest.fixture
def cli_chinese():
    cli_language.use_language("zh_CN")
    yield
    cli_language.use_language("en")


def refused(path) -> ModelFileError:
    with pytest.raises(ModelFileError) as caught:
        load_network(path)
    return caught.value


def test_a_refused_onnx_file_is_english_and_shown_in_chinese(tmp_path, cli_chinese):
    from factories import onnx_mlp

    path = tmp_path / "odd.onnx"
    onnx.save(onnx_mlp([12, 8, 3], hidden="relu", output="tanh"), path)
    e = refused(path)
    assert str(e) == f"{path}: its output goes through tanh: nnviz's outputs are linear, sigmoid or softmax"
    assert cli_language.error_text(e) == f"{path}：它的输出经过 tanh：nnviz 的输出层只能是 linear、sigmoid 或 softmax"


def test_an_unsupported_operator_is_named_in_chinese_with_its_node(tmp_path, cli_chinese):
    from onnx import helper

    from factories import onnx_mlp

    model = onnx_mlp([12, 8, 3])
    graph = model.graph
    graph.node[0].input[0] = "waved"
    nodes = [helper.make_node("Sin", ["x"], ["waved"], name="wave"), *graph.node]
    new = helper.make_graph(nodes, "mlp", list(graph.input), list(graph.output), list(graph.initializer))
    path = tmp_path / "sine.onnx"
    onnx.save(helper.make_model(new, opset_imports=list(model.opset_import)), path)
    e = refused(path)
    assert str(e) == (f"{path}: operator Sin (node 'wave') is not supported: nnviz reads dense layers (Gemm, "
                      f"MatMul+Add) with Relu, Sigmoid, Tanh, LeakyRelu or Softmax")
    assert cli_language.error_text(e) == (f"{path}：不支持算子 Sin（节点 'wave'）：nnviz 只读取全连接层（Gemm，或 "
                                          f"MatMul 加 Add），以及 Relu、Sigmoid、Tanh、LeakyRelu 或 Softmax")


def test_how_an_onnx_model_was_read_is_said_in_chinese(tmp_path, cli_chinese):
    from factories import onnx_mlp

    path = tmp_path / "logits.onnx"
    onnx.save(onnx_mlp([12, 8, 3], hidden="tanh", output="linear"), path)
    _, meta = load_network(path, with_metadata=True)
    assert meta["imported"] == ("logits.onnx (ONNX): 12-8-3 tanh, output softmax; its linear output (the logits "
                                "of 3 classes) is read through a softmax, which keeps its answers")
    assert cli_language.error_text(meta["imported"]) == (
        "logits.onnx（ONNX）：12-8-3 tanh，输出层 softmax；它的线性输出（3 个类别的 logits）经过 softmax 来读取，预测的答案不变")


def test_a_saved_models_broken_table_settings_in_chinese(cli_chinese):
    with pytest.raises(ConfigError) as caught:
        tables.saved_preprocessing({"standardisation": {"mean": [0.0, 1.0], "std": [1.0]}, "inputs": ["a", "b"]})
    assert str(caught.value) == ("the saved standardisation is malformed (mean and std of different lengths, or a "
                                 "deviation that is not a positive number)")
    assert cli_language.error_text(caught.value) == "保存的标准化信息有误（mean 和 std 的长度不同，或者标准差不是正数）"


def test_the_tables_description_in_the_status_bar_is_chinese(window, qapp, tmp_path):
    path = tmp_path / "flowers.csv"
    path.write_text("width,colour,kind\n" + "".join(f"{i / 4},red,{'rose' if i % 2 else 'tulip'}\n"
                                                     for i in range(10)), encoding="utf-8")
    english = tables.load_table(path).description
    assert english.startswith("flowers.csv: 10 rows, 1 input (width), target 'kind' (2 classes: ")
    assert english.endswith("inputs standardised with the training split's mean and deviation. "
                            "Text columns left out: colour.")
    install_translator(qapp, "zh_CN")
    try:
        assert window.data_files.open(path)
        shown = window.statusBar().currentMessage()
    finally:
        install_translator(qapp, "en")
    train, test = len(window.session.data.X_train), len(window.session.data.X_test)
    assert shown.startswith("flowers.csv：10 行数据，1 个输入（width），目标 'kind'（2 个类别：")
    assert f"{train} 行用于训练，{test} 行用于测试（随机种子 0）" in shown
    assert shown.endswith("输入已用训练集的均值和标准差做了标准化。没有使用的文本列：colour。")


def percent_placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"%\(\w+\)[rsd]|%[rsd]", text))


def test_argparse_texts_are_translated_keeping_their_placeholders():
    done = update.translations()
    for text in cli_language.ARGPARSE_TEXTS:
        assert ("argparse", text) in done, text
        assert percent_placeholders(done["argparse", text]) == percent_placeholders(text), text


def test_english_comes_back_to_argparse_after_chinese(capsys):
    from nnviz.cli import build_parser

    for code, expected in (("zh_CN", "缺少必需的参数：image"), ("en", "the following arguments are required: image")):
        cli_language.use_language(code)
        with pytest.raises(SystemExit):
            build_parser().parse_args(["predict"])
        assert expected in capsys.readouterr().err
    assert cli_language.translate("argparse", "usage: ") == "usage: "


def run_cli(args, tmp_path, lang):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": lang, "LC_ALL": "", "LC_MESSAGES": "",
           "HOME": str(tmp_path), "COLUMNS": "100"}
    out = subprocess.run([sys.executable, "-m", "nnviz", *args], capture_output=True, text=True, env=env,
                         timeout=120, cwd=tmp_path)
    assert out.returncode == 2, out.stderr
    return out.stderr


@pytest.mark.parametrize("args, chinese, english", [
    (["trian"], "nnviz: 错误：参数 command：无效的取值 'trian'（请从 'train', ",
     "nnviz: error: argument command: invalid choice: 'trian' (choose from 'train', "),
    (["train", "--bogus"], "nnviz: 错误：无法识别的参数：--bogus（请看 nnviz --help）",
     "nnviz: error: unrecognized arguments: --bogus (see nnviz --help)"),
    (["predict"], "nnviz: 错误：缺少必需的参数：image（请看 nnviz predict --help）",
     "nnviz: error: the following arguments are required: image (see nnviz predict --help)"),
    (["train", "--lr"], "nnviz: 错误：参数 --lr：后面需要一个值（请看 nnviz train --help）",
     "nnviz: error: argument --lr: expected one argument (see nnviz train --help)"),
])
def test_argparse_errors_in_chinese_and_english(tmp_path, args, chinese, english):
    zh = run_cli(args, tmp_path, "zh_CN.UTF-8")
    en = run_cli(args, tmp_path, "en_US.UTF-8")
    assert zh.startswith(chinese) and zh.count("\n") == 1, zh
    assert en.startswith(english) and en.count("\n") == 1, en
