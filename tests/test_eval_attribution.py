"""`workbench eval attribution`: brat standoff gold read strictly, figures computed right."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.spacy_support import needs_model
from workbench.cli.main import cli
from workbench.core.errors import InputError
from workbench.core.values import ClaimDraft
from workbench.training.attribution import read_gold, same_speaker, score

GOLD = Path(__file__).parent / "fixtures" / "attribution"


def test_gold_is_read_with_its_offsets() -> None:
    articles = {a.name: a for a in read_gold(GOLD)}
    assert set(articles) == {"grain", "port"}
    port = articles["port"]
    assert len(port.attributions) == 4
    denial = port.attributions[0]
    assert (denial.source, denial.cue) == ("The interior ministry", "denied")
    ((start, end),) = denial.content
    assert port.text[start:end] == "any protesters had been detained in Selene Bay on Friday"


def write(folder: Path, name: str, text: str, ann: str) -> None:
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / f"{name}.ann").write_text(ann, encoding="utf-8")


@pytest.mark.parametrize(
    ("ann", "message"),
    [
        ("T1\tSource 0 99\tx\n", r":1: offsets outside the text"),
        ("T1\tSource zero\tx\n", r":1: not a text-bound annotation"),
        (
            "T1\tSource 0 2\tMs\nE1\tCue:T9 Source:T1\n",
            ":2: an event needs Cue, Source and Content",
        ),
    ],
)
def test_malformed_gold_is_one_error_naming_file_and_line(
    tmp_path: Path, ann: str, message: str
) -> None:
    write(tmp_path, "a", "Ms Vos said it.", ann)
    with pytest.raises(InputError, match=re.escape(message)):
        read_gold(tmp_path)


def test_an_empty_folder_says_what_it_expected(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"no \.ann files"):
        read_gold(tmp_path)


@pytest.mark.parametrize(
    ("ours", "theirs", "same"),
    [
        ("interior ministry", "The Interior Ministry", True),
        ("Ms Vos", "Irena Vos, the trade minister", True),
        ("Tomas Reyk", "the opposition leader", False),
        (None, "Analysts", False),
    ],
)
def test_same_speaker(ours: str | None, theirs: str, same: bool) -> None:
    assert same_speaker(ours, theirs) is same


def test_the_three_figures_on_hand_made_claims(tmp_path: Path) -> None:
    text = "Ms Vos said the port reopened. Analysts expect prices to rise. It rained."
    ann = (
        "T1\tSource 0 6\tMs Vos\nT2\tCue 7 11\tsaid\nT3\tContent 12 29\tthe port reopened\n"
        "E1\tCue:T2 Source:T1 Content:T3\n"
        "T4\tSource 31 39\tAnalysts\nT5\tCue 40 46\texpect\nT6\tContent 47 61\tprices to rise\n"
        "E2\tCue:T5 Source:T4 Content:T6\n"
    )
    write(tmp_path, "a", text, ann)
    (article,) = read_gold(tmp_path)
    claims = [
        ClaimDraft(text[12:30], "The port reopened.", 12, 30, "fact", speaker="Ms Vos"),
        # the analysts' words alone, given as the article's own
        ClaimDraft(text[47:61], "Prices to rise.", 47, 61, "opinion"),
        ClaimDraft(text[63:], text[63:], 63, len(text), "fact"),
    ]
    scores = score([article], [claims])
    assert (scores.gold, scores.found) == (2, 1)
    assert (scores.claims_with_speaker, scores.speaker_right) == (1, 1)
    assert (scores.inside_quoted, scores.unattributed) == (2, 1)
    assert scores.misses == ["a: Analysts / expect"]


@needs_model
def test_the_command_prints_the_figures() -> None:
    result = CliRunner().invoke(cli, ["eval", "attribution", str(GOLD), "--format", "json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["articles"] == 2 and figures["attributions"] == 6
    assert 0 <= figures["attribution_recall"] <= 1 and 0 <= figures["speaker_precision"] <= 1
    text = CliRunner().invoke(cli, ["eval", "attribution", str(GOLD)]).output
    assert text.splitlines()[1].startswith("attribution recall")


def test_the_command_refuses_a_missing_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", "attribution", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert result.output.startswith("error: ") and "not a folder" in result.output


WIKINEWS = Path(__file__).resolve().parents[1] / "data" / "wikinews-attribution" / "dev"


@needs_model
def test_attribution_on_the_wikinews_development_set_stays_where_it_was_measured() -> None:
    """Floors a little below the README's figures (recall 0.879, speaker precision 0.972)."""
    from workbench.training.attribution import evaluate_attribution

    scores = evaluate_attribution(WIKINEWS)
    assert scores.gold == 306
    assert scores.recall >= 0.85
    assert scores.speaker_precision >= 0.95
    assert scores.unattributed_share <= 0.08
