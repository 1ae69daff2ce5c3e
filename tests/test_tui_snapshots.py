"""SVG snapshots of the main screens (pytest-textual-snapshot; update with --snapshot-update)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_tui import URL, loaded, make_app, settled
from workbench.review.rubrics import load_rubric
from workbench.store import Store
from workbench.usecases import actions


async def _wait(pilot) -> None:
    await loaded(pilot)


def _keys(*keys: str):
    """Press ``keys`` once the queue is in, then wait for the panels they fill."""

    async def run(pilot) -> None:
        await loaded(pilot)
        await pilot.press(*keys)
        await settled(pilot)

    return run


def as_opened(db: Path):
    """The session exactly as `workbench review` opens it (unrated claims, auto-advance)."""
    return make_app(db, filter_name="unreviewed", auto_advance=True)


def test_main_screen(review_db: Path, snap_compare) -> None:
    assert snap_compare(as_opened(review_db), terminal_size=(140, 40), run_before=_keys("j"))


def test_main_screen_small_terminal(review_db: Path, snap_compare) -> None:
    assert snap_compare(as_opened(review_db), terminal_size=(80, 24), run_before=_wait)


def test_main_screen_large_terminal(review_db: Path, snap_compare) -> None:
    assert snap_compare(as_opened(review_db), terminal_size=(160, 45), run_before=_wait)


def test_source_dialog(review_db: Path, snap_compare) -> None:
    assert snap_compare(
        make_app(review_db),
        press=["s", *"https://stats.example.org/wheat", "tab", *"Wheat imports"],
        terminal_size=(140, 40),
        run_before=_wait,
    )


def test_help_screen(review_db: Path, snap_compare) -> None:
    assert snap_compare(
        make_app(review_db), press=["question_mark"], terminal_size=(140, 40), run_before=_wait
    )


def test_claim_in_conflict(
    review_db: Path,
    snap_compare,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("workbench.store.events.now_iso", lambda: "2026-03-14T10:00:00.000000Z")
    rubric = load_rubric("default")
    with Store(review_db) as store:
        cid = sorted(store.queue_rows(), key=lambda r: -r.checkworthiness)[0].id
        source = [actions.SourceInput(URL, title="Wheat agreement")]
        actions.record_verdict(store, cid, "false", rubric, "alice", source, "Port records differ")
        actions.record_verdict(store, cid, "accurate", rubric, "bob", source)
    assert snap_compare(make_app(review_db), terminal_size=(140, 40), run_before=_keys("f", "f"))
