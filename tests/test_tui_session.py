"""The review session as a day's work: the to-do view, undo that says what it undoes, and
a queue that never waits on the disk."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.widgets import Static

from tests.test_tui import claim_of, loaded, queue, settled
from tests.test_tui_flow import make_app, titles
from workbench.core.errors import WorkbenchError
from workbench.core.values import ClaimDraft, Cleaned, Document
from workbench.ingest.articles import make_article, make_claims
from workbench.review.rubrics import load_rubric
from workbench.store import Store
from workbench.tui.widgets.claim_list import ClaimQueue
from workbench.tui.widgets.details import ClaimDetails
from workbench.usecases import actions

DEFAULT = load_rubric("default")


def question(app) -> str:
    return str(app.screen.query_one(Static).render())


def many_claims(path: Path, count: int = 30) -> list[str]:
    """A database of one article with ``count`` one-line claims; their ids in queue order."""
    paras = [f"Port {i} of Ruritania loaded {100 + i} tonnes of grain." for i in range(count)]
    text = "\n\n".join(paras)
    article = make_article(Document(text=text, source="ports.txt", title="ports"),
                           Cleaned(text=text, dropped=()))  # fmt: skip
    drafts, start = [], 0
    for i, para in enumerate(paras):
        start = text.index(para, start)
        drafts.append(ClaimDraft(para, para, start, start + len(para), "fact",
                                 checkworthiness=round(0.99 - i / 100, 3)))  # fmt: skip
    with Store(path) as store:
        store.add_article(article, make_claims(article, drafts), "editor")
        return [r.id for r in store.queue_rows(ordered=True)]


async def test_the_session_opens_on_the_to_do_list_and_a_rated_claim_leaves_it(
    review_db: Path,
) -> None:
    app = make_app(review_db, filter_name="unreviewed", auto_advance=True)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        first, second = [r.id for r in queue(app).rows[:2]]
        count = len(queue(app).rows)
        await pilot.press("5")
        await settled(pilot)
        assert claim_of(review_db, first).verdict == "unsupported"
        assert first not in [r.id for r in queue(app).rows]
        assert len(queue(app).rows) == count - 1
        assert queue(app).current.id == second  # the next one, not the one after it
        assert "filter: unreviewed (3)" in str(app.query_one("#queue-title").render())

        await pilot.press("u")  # you just did it: no question, and it comes back
        await settled(pilot)
        assert claim_of(review_db, first).verdicts == ()
        assert queue(app).current.id == first and len(queue(app).rows) == count
        assert "Undid your verdict" in titles(app)


async def test_undoing_a_verdict_from_an_earlier_session_asks_and_names_the_claim(
    review_db: Path,
) -> None:
    with Store(review_db) as store:
        old = store.queue_rows(ordered=True)[2]
        actions.record_verdict(store, old.id, "unsupported", DEFAULT, "carol")
    app = make_app(review_db, filter_name="unreviewed")
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        assert old.id not in [r.id for r in queue(app).rows]
        await pilot.press("u")
        await pilot.pause()
        asked = question(app)
        assert "Undo your verdict “Unsupported” on" in asked
        assert old.claim[:30] in asked and "not in this view" in asked
        await pilot.press("n")
        await pilot.pause()
        assert claim_of(review_db, old.id).verdict == "unsupported"  # kept

        await pilot.press("u", "y")
        await settled(pilot)
        assert claim_of(review_db, old.id).verdicts == ()
        assert queue(app).current.id == old.id  # back in the view, and the cursor on it


async def test_undo_asks_when_its_claim_is_scrolled_out_of_sight(tmp_path: Path) -> None:
    ids = many_claims(tmp_path / "ports.db")
    with Store(tmp_path / "ports.db") as store:
        actions.record_verdict(store, ids[-1], "unsupported", DEFAULT, "carol")
    app = make_app(tmp_path / "ports.db")
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert queue(app).cursor == 0
        await pilot.press("u")
        await pilot.pause()
        assert "Port 29 of Ruritania" in question(app) and "not on screen" in question(app)
        await pilot.press("y")
        await settled(pilot)
        assert queue(app).current.id == ids[-1]
        assert claim_of(tmp_path / "ports.db", ids[-1]).verdicts == ()


def test_undo_refuses_when_the_newest_action_is_no_longer_the_one_confirmed(
    db_path: Path,
) -> None:
    with Store(db_path) as store:
        first, second = [r.id for r in store.queue_rows(ordered=True)[:2]]
        actions.record_verdict(store, first, "unsupported", DEFAULT, "carol")
        asked_about = actions.last_undoable(store, "carol").id
        actions.record_verdict(store, second, "unsupported", DEFAULT, "carol")  # meanwhile
        with pytest.raises(WorkbenchError, match="changed meanwhile"):
            actions.undo(store, "carol", expected=asked_about)
        assert store.claim(first).verdict == store.claim(second).verdict == "unsupported"


async def test_details_are_read_off_the_ui_thread_and_follow_the_cursor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = many_claims(tmp_path / "ports.db", count=5)
    readers: list[int] = []
    disk_stuck, disk_free = threading.Event(), threading.Event()
    original = Store.claim_sources

    def recorded(self, claim_id):
        readers.append(threading.get_ident())
        if disk_stuck.is_set():
            disk_free.wait(10)  # a disk that answers only when the test says so
        return original(self, claim_id)

    monkeypatch.setattr(Store, "claim_sources", recorded)
    app = make_app(tmp_path / "ports.db")
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        ui_thread = threading.get_ident()
        disk_stuck.set()
        await pilot.press("j", "j", "j")  # the keys are taken while the disk is stuck
        assert queue(app).current.id == ids[3]
        for _ in range(50):
            await pilot.pause(0.05)
            if "Reading its details" in str(app.query_one(ClaimDetails).text):
                break
        assert "Port 3 of Ruritania" in str(app.query_one(ClaimDetails).text)
        assert "Reading its details" in str(app.query_one(ClaimDetails).text)
        disk_free.set()
        await settled(pilot)
        shown = str(app.query_one(ClaimDetails).text)
        assert "Port 3 of Ruritania" in shown and "Reading its details" not in shown
    assert readers and ui_thread not in readers


def test_review_opens_on_the_filter_asked_for(tmp_path: Path, monkeypatch) -> None:
    from click.testing import CliRunner

    from workbench.cli.main import cli
    from workbench.tui.app import ReviewApp

    opened: list[str] = []
    monkeypatch.setattr(ReviewApp, "run", lambda self: opened.append(self.filter_name))
    db = str(tmp_path / "f.db")
    assert CliRunner().invoke(cli, ["review", "--db", db]).exit_code == 0
    assert CliRunner().invoke(cli, ["review", "--db", db, "--filter", "all"]).exit_code == 0
    monkeypatch.setenv("WORKBENCH_FILTER", "mine")
    assert CliRunner().invoke(cli, ["review", "--db", db]).exit_code == 0
    assert opened == ["unreviewed", "all", "mine"]
    wrong = CliRunner().invoke(cli, ["review", "--db", db, "--filter", "everything"])
    assert wrong.exit_code == 2 and "'everything' is not one of" in wrong.output


async def test_a_refresh_that_lands_while_the_session_closes_does_not_crash(
    review_db: Path,
) -> None:
    """Another process's article can move the cursor just as the reviewer quits: the
    queue's last messages reach the app after its screen is gone."""
    app = make_app(review_db)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        row = queue(app).current
        await pilot.press("q")
    # what a late ClaimQueue.Highlighted or reload does once the app has closed
    app.on_claim_queue_highlighted(ClaimQueue.Highlighted(row))
    app.apply_filter()
    assert "reviewed" in str(app.line("progress").render())
