"""Shared fixtures: every test runs in its own folder, with its own reviewer name and HOME."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.values import ClaimDraft, Cleaned, Document, Dropped, Entity
from workbench.ingest.articles import make_article, make_claims
from workbench.store import Store

SHARED = Path(__file__).resolve().parents[2] / "shared"

ARTICLE_TEXT = (
    "Ruritania shipped 40,000 tonnes of grain to Freedonia in March.\n\n"
    "The minister said the shipment was a gesture of goodwill.\n\n"
    "This is a remarkable moment for the region."
)


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("WORKBENCH_REVIEWER", "tester")
    monkeypatch.delenv("WORKBENCH_DB", raising=False)
    monkeypatch.delenv("WORKBENCH_BOILERPLATE", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)


def hand_made(text: str = ARTICLE_TEXT, title: str = "Grain for Freedonia"):
    """An article and claims built without the NLP model: one claim per paragraph."""
    article = make_article(
        Document(text=text, source="hand.txt", title=title, outlet="Test Ledger"),
        Cleaned(text=text, dropped=(Dropped("Support us today. Read more", "donation-appeal"),)),
    )
    drafts = []
    start = 0
    for i, para in enumerate(text.split("\n\n")):
        start = text.index(para, start)
        drafts.append(
            ClaimDraft(
                text=para,
                claim=para,
                start=start,
                end=start + len(para),
                kind="opinion" if i == 2 else "fact",
                speaker="the minister" if i == 1 else None,
                cues=("evaluative: remarkable",) if i == 2 else ("number",),
                checkworthiness=max(0.0, round(0.9 - 0.3 * i, 3)),
                entities=(Entity("Ruritania", "GPE"),) if i == 0 else (),
            )
        )
        start += len(para)
    return article, make_claims(article, drafts)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A database holding the hand-made article."""
    path = tmp_path / "test.db"
    article, claims = hand_made()
    with Store(path) as store:
        store.add_article(article, claims, "tester")
    return path


REVIEW_TIME = "2026-03-14T09:00:00.000000Z"
REVIEW_TEXT = (
    "Ruritania shipped 40,000 tonnes of grain to Freedonia in March.\n\n"
    "The minister said the shipment was a gesture of goodwill.\n\n"
    "This is a remarkable moment for the region.\n\n"
    "Freedonia's parliament approved the pact by 212 votes to 40 on Tuesday."
)


@pytest.fixture
def review_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A database of one four-claim article, for the review session's tests."""
    monkeypatch.setattr("workbench.store.events.now_iso", lambda: REVIEW_TIME)
    path = tmp_path / "review.db"
    article, claims = hand_made(text=REVIEW_TEXT)
    with Store(path) as store:
        store.add_article(article, claims, "tester")
    return path
