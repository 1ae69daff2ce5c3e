"""Rubric files: the shipped ones, their JSON, and one-line errors for malformed files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli.main import cli
from workbench.review.rubrics import RubricError, builtin_names, load_rubric, parse_rubric

GOLDEN = Path(__file__).parent / "golden"
SHIPPED = ["default", "meta", "pinocchio", "politifact", "snopes"]

GOOD = """\
name = "tiny"
title = "Tiny"

[rules]
min_independent_sources = 2
require_approval = true

[claimreview]
best_rating = 2
worst_rating = 1

[[verdicts]]
id = "right"
label = "Right"
key = 1
rating_value = 2
alternate_name = "Right"
colour = "#00aa00"
sources_required = 1

[[verdicts]]
id = "wrong"
label = "Wrong"
key = 2
rating_value = 1
alternate_name = "Wrong"
colour = "#aa0000"
"""


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_builtin_rubrics_are_shipped_and_valid() -> None:
    assert builtin_names() == SHIPPED
    for name in SHIPPED:
        rubric = load_rubric(name)
        assert [v.key for v in rubric.verdicts] == list(range(1, len(rubric.verdicts) + 1))
        for v in rubric.verdicts:
            assert (
                v.rating_value is None
                or rubric.worst_rating <= v.rating_value <= rubric.best_rating
            )


def test_rubric_contents_fact_checkers_expect() -> None:
    assert [v.label for v in load_rubric("politifact").verdicts] == [
        "True", "Mostly True", "Half True", "Mostly False", "False", "Pants on Fire",
    ]  # fmt: skip
    assert [v.label for v in load_rubric("meta").verdicts] == [
        "False", "Altered", "Partly false", "Missing context", "Satire", "True",
    ]  # fmt: skip
    pinocchio = [v.label for v in load_rubric("pinocchio").verdicts]
    assert pinocchio[0] == "Geppetto checkmark" and pinocchio[-1] == "Four Pinocchios"
    default = load_rubric("default")
    assert [v.id for v in default.verdicts] == [
        "accurate", "mostly-accurate", "misleading", "false", "unsupported", "not-checkable",
    ]  # fmt: skip
    assert load_rubric("pinocchio").rules.min_independent_sources == 2
    assert load_rubric("meta").rules.require_approval is True


@pytest.mark.parametrize("name", SHIPPED)
def test_rubrics_show_json_matches_snapshot(name: str) -> None:
    result = run("rubrics", "show", name, "--format", "json")
    assert result.exit_code == 0, result.output
    golden = GOLDEN / f"rubric_{name}.json"
    if os.environ.get("WORKBENCH_UPDATE_GOLDEN"):
        golden.write_text(result.output, encoding="utf-8")
    assert result.output == golden.read_text(encoding="utf-8")
    shown = json.loads(result.output)
    assert shown["name"] == name
    assert [v["key"] for v in shown["verdicts"]] == sorted(v["key"] for v in shown["verdicts"])


def test_rubrics_list_and_text_show() -> None:
    listing = run("rubrics", "list").output.splitlines()
    assert [line.split()[0] for line in listing] == SHIPPED
    text = run("rubrics", "show", "default").output
    assert "  4  false" in text and "1 source(s)" in text


def test_rubric_loaded_by_path(tmp_path: Path) -> None:
    path = tmp_path / "tiny.toml"
    path.write_text(GOOD)
    rubric = load_rubric(str(path))
    assert rubric.name == "tiny" and rubric.rules.require_approval
    assert rubric.verdict("WRONG").id == "wrong" and rubric.verdict("1").id == "right"
    result = run("rubrics", "check", str(path))
    assert result.exit_code == 0
    assert result.output == f"ok: {path} is rubric 'tiny' with 2 verdicts\n"


BROKEN = {
    "bad toml": (GOOD.replace('title = "Tiny"', 'title = "Tiny'), "not valid TOML", None),
    "no name": (GOOD.replace('name = "tiny"\n', ""), "missing field 'name'", None),
    "rating out of range": (
        GOOD.replace("rating_value = 2", "rating_value = 7"),
        "verdict 'right': rating_value must be a whole number from 1 to 2",
        16,
    ),
    "key repeated": (GOOD.replace("key = 2", "key = 1"), "two verdicts share the key 1", 24),
    "bad colour": (
        GOOD.replace('colour = "#aa0000"', 'colour = "red"'),
        "verdict 'wrong': colour must look like #1b7f3b",
        27,
    ),
    "missing label": (
        GOOD.replace('label = "Wrong"\n', ""),
        "verdicts[2]: missing field 'label'",
        21,
    ),
    "unknown field": (
        GOOD.replace("key = 2", "key = 2\nshortcut = 'x'"),
        "unknown field 'shortcut'",
        25,
    ),
    "approval not bool": (
        GOOD.replace("require_approval = true", 'require_approval = "yes"'),
        "rules.require_approval must be true or false",
        6,
    ),
    "no verdicts": (GOOD.split("[[verdicts]]")[0], "needs at least one [[verdicts]] table", None),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_malformed_rubric_gives_one_line_naming_field_and_line(tmp_path: Path, case: str) -> None:
    text, message, line = BROKEN[case]
    path = tmp_path / "broken.toml"
    path.write_text(text)
    with pytest.raises(RubricError) as err:
        parse_rubric(text, str(path))
    assert message in str(err.value)
    result = run("rubrics", "check", str(path))
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and result.output.startswith(f"error: {path}")
    assert message in result.output
    if line is not None:
        assert f"{path}, line {line}: " in result.output
    assert "Traceback" not in result.output


def test_unknown_rubric_name_and_binary_file(tmp_path: Path) -> None:
    result = run("rubrics", "show", "nonesuch")
    assert result.exit_code == 1
    assert result.output.startswith("error: no rubric named 'nonesuch' (built-in: default, meta")
    binary = tmp_path / "x.toml"
    binary.write_bytes(b"\xff\xfe\x00\x01garbage")
    result = run("rubrics", "check", str(binary))
    assert result.exit_code == 1 and "not a UTF-8 text file" in result.output
