"""The examples of issue "Claim matching" on the seed article (../shared/seeds, not part of
the project): each near miss is built by editing the stored claim's own wording, so no
sentence of the article is written here. Skipped without ../shared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.spacy_support import needs_model
from tests.test_seed_article import SEED
from workbench.cli.main import cli
from workbench.matching import link_article
from workbench.review.rubrics import load_rubric
from workbench.store import Store
from workbench.usecases import actions

pytestmark = [
    needs_model,
    pytest.mark.skipif(not SEED.is_file(), reason="../shared/seeds is absent"),
]


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The seed article stored, with a verdict on every claim the examples vary; returns
    the database and the stored wording of each by a short key."""
    from workbench.ingest.articles import prepare
    from workbench.ingest.read import read_path

    db = tmp_path_factory.mktemp("seed") / "seed.db"
    (item,) = prepare(read_path(SEED))
    keys = {
        "invasion": "full-scale invasion",
        "arrival": "arrived in China on Sunday",
        "lifelines": "lifelines to Russia",
        "neutral": "neutral in the Ukraine war",
    }
    wording: dict[str, str] = {}
    with Store(db) as store:
        store.add_article(item.article, item.claims, "alice", link=link_article)
        for key, phrase in keys.items():
            # the atomic claim: a time clause is also nested inside a longer one
            claim = min((c for c in item.claims if phrase in c.claim), key=lambda c: len(c.claim))
            wording[key] = claim.claim
            actions.record_verdict(
                store, claim.id, "accurate", load_rubric("default"), "alice",
                [actions.SourceInput("https://news.example.org/report", title="Report")],
            )  # fmt: skip
    return db, wording


def rows_for(db: Path, text: str) -> list[dict]:
    out = CliRunner().invoke(cli, ["match", text, "--db", str(db), "--format", "json"])
    assert out.exit_code == 0, out.output
    return [r for r in json.loads(out.output) if r["verdict"] == "accurate"]


def swap(text: str, a: str, b: str) -> str:
    return text.replace(a, "\0").replace(b, a).replace("\0", b)


NEAR_MISSES = [
    # (stored claim, how the query changes it, what must differ)
    ("invasion", lambda t: swap(t, "Moscow", "Ukraine").replace("of Moscow", "of Russia"),
     "agent and target swapped"),
    ("arrival", lambda t: t.replace("Sunday", "Monday"), "weekday"),
    ("lifelines", lambda t: t.replace("China", "India"), "agent"),
    ("neutral", lambda t: t.replace("is neutral", "is hardly neutral"), "negation or hedge"),
    ("neutral", lambda t: t.replace("China", "Russia"), "agent"),
    ("invasion", lambda t: t.replace("February", "March"), "date"),
]  # fmt: skip


@pytest.mark.parametrize(("key", "change", "role"), NEAR_MISSES)
def test_a_seed_claim_changed_in_one_role_never_lends_its_verdict(
    seed_db: tuple[Path, dict[str, str]], key: str, change, role: str
) -> None:
    db, wording = seed_db
    query = change(wording[key])
    assert query != wording[key]
    (row,) = [r for r in rows_for(db, query) if r["claim"] == wording[key]]
    assert row["match"] is False
    assert role in row["differs"]


def test_a_seed_claim_in_other_words_matches_and_says_why(
    seed_db: tuple[Path, dict[str, str]],
) -> None:
    db, wording = seed_db
    query = wording["invasion"].replace("launched", "began")
    (row,) = [r for r in rows_for(db, query) if r["claim"] == wording["invasion"]]
    assert row["match"] is True
    assert "agent moscow" in row["agrees"] and "target ukraine" in row["agrees"]
