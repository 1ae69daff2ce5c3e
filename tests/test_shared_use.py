"""One database file used at once by a review session and by other processes: no write that
reported success is lost, and the session shows others' work as it happens."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import hand_made
from tests.test_tui import loaded, settled
from workbench.review.rubrics import load_rubric
from workbench.store import Store
from workbench.tui.app import ReviewApp
from workbench.tui.widgets.claim_list import ClaimQueue
from workbench.tui.widgets.details import ClaimDetails

ROOT = Path(__file__).resolve().parents[1]
URL = "https://stats.example.org/wheat"


def workbench(*args: str, reviewer: str) -> subprocess.CompletedProcess:
    """The real command in its own process, as a colleague in another terminal runs it."""
    env = {**os.environ, "WORKBENCH_REVIEWER": reviewer, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "workbench", *args], capture_output=True, text=True, env=env
    )


async def in_background(*args: str, reviewer: str) -> subprocess.CompletedProcess:
    """Run the command without blocking the session's event loop meanwhile."""
    return await asyncio.to_thread(workbench, *args, reviewer=reviewer)


@pytest.fixture
def shared_db(db_path: Path) -> Path:
    """The hand-made article's database (conftest), as colleagues share it."""
    return db_path


async def until(pilot, condition, seconds: float = 15.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the session did not show the change in time")


def notes_in_history(db: Path, claim_id: str) -> list[str]:
    out = workbench("history", claim_id, "--db", str(db), reviewer="auditor")
    assert out.returncode == 0, out.stderr
    return [line.split("note: ", 1)[1] for line in out.stdout.splitlines() if "note: " in line]


async def test_a_colleagues_acknowledged_notes_survive_a_review_session(shared_db: Path) -> None:
    """The reported loss: notes from another terminal while a session is open and writing."""
    app = ReviewApp(
        shared_db, "alice", load_rubric("default"), offer_sample=False, filter_name="all"
    )
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        cid = app.query_one(ClaimQueue).current.id
        for text in ("bob-1", "bob-2"):
            done = await in_background("note", cid, text, "--db", str(shared_db), reviewer="bob")
            assert done.returncode == 0 and "note added" in done.stdout
        await pilot.press("n", *"alice-1", "ctrl+s")
        await pilot.pause()
        done = await in_background("note", cid, "bob-3", "--db", str(shared_db), reviewer="bob")
        assert done.returncode == 0 and "note added" in done.stdout
        await pilot.press("q")
    assert sorted(notes_in_history(shared_db, cid)) == ["alice-1", "bob-1", "bob-2", "bob-3"]
    deep = workbench("verify", "--deep", "--db", str(shared_db), reviewer="auditor")
    assert deep.returncode == 0, deep.stderr


async def test_the_session_shows_another_reviewers_verdict_live(shared_db: Path) -> None:
    app = ReviewApp(
        shared_db, "alice", load_rubric("default"), offer_sample=False, filter_name="all"
    )
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        queue = app.query_one(ClaimQueue)
        await pilot.press("j")
        await pilot.pause()
        viewing = queue.current.id
        other = queue.rows[0].id
        done = await in_background(
            "verdict", viewing, "false", "--source", URL, "--db", str(shared_db), reviewer="bob"
        )
        assert done.returncode == 0, done.stderr
        toast = "bob gave a verdict (False) on the claim you are viewing"
        # one condition: the toast is shown with the refresh and may expire on a slow machine
        await until(
            pilot,
            lambda: (
                queue.current.status == "reviewed"
                and toast in [n.message for n in app._notifications]
            ),
        )
        assert queue.current.id == viewing  # the selection stays where the reviewer left it
        await settled(pilot)  # the details are read in a worker
        details = str(app.query_one(ClaimDetails).text)
        assert "bob" in details and "False" in details
        assert "1/3 reviewed" in str(app.query_one("#progress").render())

        done = await in_background("note", other, "see the port log", "--db", str(shared_db),
                                   reviewer="carol")  # fmt: skip
        assert done.returncode == 0
        await until(pilot, lambda: "carol added a note" in [n.message for n in app._notifications])
        assert queue.current.id == viewing


async def test_the_session_takes_in_a_new_article_from_another_process(
    shared_db: Path, tmp_path: Path
) -> None:
    app = ReviewApp(
        shared_db, "alice", load_rubric("default"), offer_sample=False, filter_name="all"
    )
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        queue = app.query_one(ClaimQueue)
        before = len(queue.rows)
        selected = queue.current.id

        def ingest_elsewhere() -> None:
            article, claims = hand_made(text="Osterlich closed its border on Monday.")
            with Store(tmp_path / "staging.db") as staging:
                staging.add_article(article, claims, "dave")
            merged = workbench("merge", str(tmp_path / "staging.db"), "--db", str(shared_db),
                               reviewer="dave")  # fmt: skip
            assert merged.returncode == 0, merged.stderr

        await asyncio.to_thread(ingest_elsewhere)
        await until(
            pilot,
            lambda: (
                len(queue.rows) == before + 1
                and "dave added an article" in [n.message for n in app._notifications]
            ),
        )
        assert queue.current.id == selected


def test_stores_on_one_file_share_one_connection_across_threads(shared_db: Path) -> None:
    """A second Store in the same process must never close the connection beside it."""
    first = Store(shared_db)
    second = Store(shared_db)
    assert first.db.conn is second.db.conn
    second.close()
    assert first.event_count() == 4  # still open: closing the second let nothing go
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        from workbench.usecases import actions

        try:
            with Store(shared_db) as store:
                cid = store.claims()[n % 3].id
                for i in range(20):
                    actions.add_note(store, cid, f"thread {n} note {i}", f"t{n}")
        except BaseException as err:  # surfaced below with the thread's failure
            errors.append(err)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert first.event_count() == 4 + 80
    assert first.verify() is None and first.projection_difference() is None
    first.close()


def test_stress_two_sessions_and_six_cli_writers_lose_nothing() -> None:
    """The benchmark's stress run, shortened: every acknowledged write present, verify --deep ok.
    (`python benchmarks/shared_use.py` runs it for 60 s.)"""
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "shared_use.py"), "--seconds", "6", "--json"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    import json

    figures = json.loads(done.stdout)
    assert figures["lost"] == [] and figures["verify_ok"]
    assert figures["notes_present"] == figures["notes_acknowledged"] > 0
    assert all(attempted > 0 for attempted, _ in figures["by_writer"].values())
