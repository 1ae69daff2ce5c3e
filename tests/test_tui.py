"""The review session driven through Textual's Pilot, on a temporary database."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest
from textual.worker import WorkerCancelled

from tests.conftest import REVIEW_TEXT as TEXT  # noqa: F401
from tests.conftest import hand_made
from workbench.matching import link_article
from workbench.review.rubrics import load_rubric
from workbench.store import Store
from workbench.tui.app import ReviewApp
from workbench.tui.widgets.claim_list import ClaimQueue
from workbench.usecases import actions

URL = "https://trade.example.org/agreements/2026-wheat"


def make_app(db: Path, reviewer: str = "carol", **kwargs: object) -> ReviewApp:
    """The session as `workbench review` opens it, but staying on a claim after a verdict
    and showing every claim (most tests look at the claim they rated; the flow tests use the
    defaults: move on, and show only claims nobody has rated)."""
    kwargs.setdefault("auto_advance", False)
    kwargs.setdefault("filter_name", "all")
    return ReviewApp(db, reviewer, load_rubric("default"), offer_sample=False, **kwargs)


async def loaded(pilot) -> None:
    for _ in range(100):
        await pilot.pause(0.02)
        if pilot.app.loaded:
            await settled(pilot)
            return
    raise AssertionError("queue never loaded")


async def settled(pilot) -> None:
    """Wait until the workers (queue, details) have drawn what they read."""
    for _ in range(10):
        try:
            await pilot.app.workers.wait_for_complete()
            break
        except WorkerCancelled:  # a newer read replaced it (the cursor moved on)
            continue
    await pilot.pause()


def claim_of(db: Path, claim_id: str):
    with Store(db) as store:
        return store.claim(claim_id)


def queue(app: ReviewApp) -> ClaimQueue:
    return app.query_one(ClaimQueue)


def messages(app: ReviewApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_queue_orders_by_checkworthiness_and_moves(review_db: Path) -> None:
    app = make_app(review_db)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        rows = queue(app).rows
        assert [r.checkworthiness for r in rows] == sorted(
            (r.checkworthiness for r in rows), reverse=True
        )
        assert queue(app).cursor == 0
        await pilot.press("j", "j")
        assert queue(app).cursor == 2
        await pilot.press("k")
        assert queue(app).cursor == 1
        await pilot.press("down", "up", "up")
        assert queue(app).cursor == 0
        await pilot.press("G")
        assert queue(app).cursor == len(rows) - 1
        await pilot.press("g")
        assert queue(app).cursor == 0


async def test_verdict_keys_and_source_rule(review_db: Path) -> None:
    app = make_app(review_db)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        first = queue(app).current.id
        await pilot.press("1")  # "Accurate" needs a source
        await pilot.pause()
        assert claim_of(review_db, first).verdicts == ()
        assert any("needs 1 source(s)" in m for m in messages(app))
        await pilot.press("5")  # "Unsupported" needs none
        await pilot.pause()
        claim = claim_of(review_db, first)
        assert claim.verdict == "unsupported" and claim.verdicts[0].reviewer == "carol"
        assert queue(app).current.verdict == "unsupported"
        header = str(app.query_one("#progress").render())
        assert "1/4 reviewed · article 1/4 · session 1 · today 1" in header
        await pilot.press("9")
        assert any("no verdict on key 9" in m for m in messages(app))


async def test_source_dialog_then_verdict(review_db: Path) -> None:
    app = make_app(review_db)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("j")
        target = queue(app).current.id
        await pilot.press("s")
        assert app.focused is not None and app.focused.id == "url"
        await pilot.press(*"javascript:alert(1)", "enter")
        assert (
            app.screen.query_one("#source-error").render().plain.endswith("must be an http(s) URL")
        )
        app.focused.value = URL
        await pilot.press("tab", *"Wheat deal", "tab", *"1.2 million tonnes", "enter")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        claim = claim_of(review_db, target)
        assert claim.verdict == "accurate"
        (verdict,) = claim.verdicts
        assert verdict.reviewer == "carol"
        assert [(s.url, s.title, s.excerpt) for s in verdict.sources] == [
            (URL, "Wheat deal", "1.2 million tonnes")
        ]


async def test_escape_cancels_source_dialog(review_db: Path) -> None:
    app = make_app(review_db)
    async with app.run_test() as pilot:
        await loaded(pilot)
        await pilot.press("s", *"https://x.example.org", "escape")
        assert not isinstance(app.screen, type(None)) and app.screen is app.screen_stack[0]
        with Store(review_db) as store:
            assert store.event_count() == 6  # the 5 of the fixture, and the session's note


async def test_note_flip_edit_undo(review_db: Path) -> None:
    app = make_app(review_db)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        cid = queue(app).current.id
        await pilot.press("n", *"Call the port", "enter", *"authority.", "ctrl+s")
        await pilot.pause()
        with Store(review_db) as store:
            assert store.claim_notes(cid)[0][1] == "Call the port\nauthority."
        kind = queue(app).current.kind
        await pilot.press("o")
        await pilot.pause()
        flipped = "opinion" if kind == "fact" else "fact"
        assert claim_of(review_db, cid).kind == flipped == queue(app).current.kind
        await pilot.press("e")
        area = app.screen.query_one("#note")
        assert area.text == claim_of(review_db, cid).claim  # the whole wording, wrapped
        area.text = "Ruritania sent\n40,000 t of grain."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert claim_of(review_db, cid).claim == "Ruritania sent 40,000 t of grain."
        await pilot.press("u")
        await pilot.pause()
        assert claim_of(review_db, cid).claim != "Ruritania sent 40,000 t of grain."
        await pilot.press("u", "u")
        await pilot.pause()
        assert claim_of(review_db, cid).kind == kind
        with Store(review_db) as store:
            assert store.claim_notes(cid) == []
            assert store.verify() is None


async def test_approve_another_reviewers_verdict(review_db: Path) -> None:
    rubric = load_rubric("politifact")
    with Store(review_db) as store:
        cid = store.queue_rows()[0].id
        actions.record_verdict(store, cid, "half-true", rubric, "alice", [actions.SourceInput(URL)])
    app = ReviewApp(review_db, "carol", rubric, offer_sample=False, filter_name="all")
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        while queue(app).current.id != cid:
            await pilot.press("j")
        await pilot.press("f", "f", "f")  # all -> mine -> conflicts -> needs approval
        assert app.filter_name == "needs approval"
        assert [r.id for r in queue(app).rows] == [cid]
        await pilot.press("a")
        await pilot.pause()
        claim = claim_of(review_db, cid)
        assert claim.status == "reviewed" and claim.verdict == "half-true"
        assert claim.verdicts[0].approved_by == ("carol",)


async def test_search_and_filters(review_db: Path) -> None:
    app = make_app(review_db)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"parliament votes", "enter")
        assert [r.claim[:22] for r in queue(app).rows] == ["Freedonia's parliament"]
        await pilot.press("slash")
        app.screen.query_one("#line").value = ""
        await pilot.press("enter")
        assert len(queue(app).rows) == 4
        await pilot.press("5")
        await pilot.pause()
        await pilot.press("f")
        assert app.filter_name == "mine" and len(queue(app).rows) == 1
        await pilot.press("f", "f", "f")
        assert app.filter_name == "unreviewed" and len(queue(app).rows) == 3
        await pilot.press("f")
        assert app.filter_name == "all"


async def test_history_and_help_screens(review_db: Path) -> None:
    app = make_app(review_db)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("5", "h")
        shown = screen_text(app)
        assert "claim.extracted" in shown and "verdict.recorded" in shown
        assert "carol" in shown and "rated 'Unsupported' (default)" in shown
        await pilot.press("escape", "question_mark")
        shown = screen_text(app)
        assert "Add a source (URL, title, excerpt)" in shown
        assert "Unsupported — No evidence could be found" in shown
        await pilot.press("escape")
        assert app.screen is app.screen_stack[0]


def screen_text(app: ReviewApp) -> str:
    """All the text of the top screen's Static and Label widgets, as a person reads it."""
    from rich.console import Console

    console = Console(width=200, record=True, file=open(os.devnull, "w"))  # noqa: SIM115
    for widget in app.screen.query("Static"):
        console.print(widget.content)
    return console.export_text()


async def test_command_palette_switches_filter_and_rubric(review_db: Path) -> None:
    app = make_app(review_db)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+p", *"Filter: conflicts")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.filter_name == "conflicts"
        app.switch_rubric("pinocchio")
        assert app.rubric.name == "pinocchio"
        assert "· pinocchio ·" in str(app.query_one("#progress").render())


async def test_command_palette_exports_a_report(review_db: Path) -> None:
    with Store(review_db) as store:
        cid = store.queue_rows()[0].id
        actions.record_verdict(store, cid, "unsupported", load_rubric("default"), "carol")
    app = make_app(review_db)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+p", *"Export report: html")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    report = review_db.with_name("review-report.html")
    assert "Unsupported" in report.read_text(encoding="utf-8")


async def test_m_adopts_the_verdict_of_a_matching_earlier_claim(tmp_path: Path) -> None:
    from tests.test_matching import FIRST, SECOND, article_with

    db = tmp_path / "m.db"
    with Store(db) as store:
        a1, c1 = article_with(FIRST, "first")
        store.add_article(a1, c1, "alice", link=link_article)
        actions.record_verdict(
            store, c1[0].id, "false", load_rubric("default"), "alice", [actions.SourceInput(URL)]
        )
        a2, c2 = article_with(SECOND, "second")
        store.add_article(a2, c2, "bob", link=link_article)
    app = make_app(db, article_id=a2.id)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        while not queue(app).current.claim.startswith("40,000 tonnes"):
            await pilot.press("j")
        assert "Matches earlier claims" in screen_text(app)
        await pilot.press("m")
        await pilot.pause()
        claim = claim_of(db, c2[0].id)
        assert claim.verdicts[0].reviewer == "carol" and claim.verdict == "false"
        assert [s.url for s in claim.verdicts[0].sources] == [URL]
        await pilot.press("j", "m")
        assert any("matches no earlier claim" in m for m in messages(app))


async def test_keys_can_be_rebound(review_db: Path) -> None:
    app = make_app(review_db, keymap={"next": "x", "quit": "ctrl+q"})
    async with app.run_test() as pilot:
        await loaded(pilot)
        await pilot.press("x")
        assert queue(app).cursor == 1
        await pilot.press("ctrl+q")
    assert app.return_code == 0


async def test_every_action_is_saved_at_once_and_q_quits(review_db: Path) -> None:
    app = make_app(review_db)
    async with app.run_test() as pilot:
        await loaded(pilot)
        await pilot.press("5")
        await pilot.pause()
        with Store(review_db) as other:  # another process would see it while the app runs
            assert other.event_count() == 7  # fixture 5, the session's note, the verdict
        await pilot.press("q")
    assert app.return_code == 0


async def test_small_terminal_uses_stacked_layout(review_db: Path) -> None:
    app = make_app(review_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert app.has_class("narrow")
        assert queue(app).size.height >= 5
        await pilot.press("j", "5")
        await pilot.pause()
        assert queue(app).current.verdict == "unsupported"


async def test_arrow_and_page_keys_move_the_cursor_when_the_queue_outgrows_the_screen(
    tmp_path: Path,
) -> None:
    """At 80x24 the queue shows a few rows; the arrow keys scrolled the rows and left the
    cursor (and the claim shown beside it) behind. They move the cursor, and the rows
    follow it."""
    text = "\n\n".join(f"Ruritania shipped {n} tonnes of grain to Freedonia." for n in range(30))
    db = tmp_path / "many.db"
    with Store(db) as store:
        store.add_article(*hand_made(text=text), "tester")
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        height = queue(app).size.height
        assert height < 30
        await pilot.press(*["down"] * (height + 2))
        assert queue(app).cursor == height + 2
        assert queue(app).scroll_offset.y > 0  # the cursor's row is on screen
        await pilot.press("up")
        assert queue(app).cursor == height + 1
        await pilot.press("pagedown")
        assert queue(app).cursor == height + 1 + height - 1
        await pilot.press("home")
        assert queue(app).cursor == 0
        await pilot.press("end")
        assert queue(app).cursor == 29
        await settled(pilot)
        assert queue(app).current.claim.startswith("Ruritania shipped")


async def test_empty_database_offers_the_sample(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    Store(db).close()
    app = ReviewApp(db, "carol", load_rubric("default"))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "no claims yet" in str(app.screen.query("Static").first().render())
        await pilot.press("n")
        await loaded(pilot)
        assert queue(app).rows == []


def test_key_file_rebinds_and_a_bad_one_is_refused_before_the_ui(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from workbench.cli.main import cli
    from workbench.tui.keys import load_keymap

    keys = tmp_path / "keys.toml"
    keys.write_text('[keys]\nnext = "x, down"\n')
    monkeypatch.setenv("WORKBENCH_KEYS", str(keys))
    assert load_keymap() == {"next": "x,down"}
    keys.write_text('[keys]\nteleport = "t"\n')
    result = CliRunner().invoke(cli, ["review", "--db", str(tmp_path / "k.db")])
    assert result.exit_code == 1 and "unknown key binding 'teleport'" in result.output
    keys.write_text("[keys\n")
    result = CliRunner().invoke(cli, ["review", "--db", str(tmp_path / "k.db")])
    assert result.exit_code == 1 and "not valid TOML" in result.output


async def test_a_verdict_from_a_stale_screen_is_refused(review_db: Path) -> None:
    app = make_app(review_db)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        cid = queue(app).current.id
        with Store(review_db) as other:  # bob, in another session, rates it meanwhile
            actions.record_verdict(other, cid, "unsupported", load_rubric("default"), "bob")
        await pilot.press("5")
        await pilot.pause()
        assert any("bob changed this claim" in m for m in messages(app))
        assert [v.reviewer for v in claim_of(review_db, cid).verdicts] == ["bob"]
        await pilot.press("5")  # the screen now shows bob's verdict: carol may decide
        await pilot.pause()
        assert {v.reviewer for v in claim_of(review_db, cid).verdicts} == {"bob", "carol"}


async def test_palette_shows_agreement(review_db: Path) -> None:
    rubric = load_rubric("default")
    with Store(review_db) as store:
        for row in store.queue_rows():
            actions.record_verdict(store, row.id, "unsupported", rubric, "alice")
            actions.record_verdict(store, row.id, "unsupported", rubric, "bob")
    app = make_app(review_db)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+p", *"Show agreement")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        shown = screen_text(app)
        assert "4 claims rated by 2+ reviewers (alice, bob)" in shown
        assert "alice / bob: 4 claims, agree 100%" in shown


async def test_the_header_counts_claims_that_arrived_since_your_last_session(
    review_db: Path,
) -> None:
    def header(app: ReviewApp) -> str:
        return str(app.query_one("#progress").render())

    first = make_app(review_db)
    async with first.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        await pilot.pause(0.2)
        assert "since your last session" not in header(first)  # the first session
    article, claims = hand_made(text="Elbonia closed its border on Friday.", title="Border")
    with Store(review_db) as store:
        store.add_article(article, claims, "watch")
    again = make_app(review_db)
    async with again.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        await pilot.pause(0.2)
        assert "· 1 new since your last session" in header(again)
        story = review_db.with_name("consulate.txt")
        story.write_text("Genovia opened a consulate in Zenda on Friday.\n", encoding="utf-8")
        ingest = [sys.executable, "-m", "workbench", "ingest", str(story), "--db", str(review_db)]
        done = await asyncio.to_thread(subprocess.run, ingest, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr  # `watch` in another process, say
        for _ in range(50):
            await pilot.pause(0.1)
            if "· 2 new since" in header(again):
                break
        assert "· 2 new since your last session" in header(again)
    with Store(review_db) as store:
        assert [e.actor for e in store.events() if e.action == "session.opened"] == ["carol"] * 2


async def test_a_database_on_a_network_filesystem_is_warned_about_in_the_session(
    review_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("workbench.store.db.filesystem_type", lambda path: "nfs4")
    app = make_app(review_db)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        assert any("network filesystem (nfs4)" in m for m in messages(app))


async def test_details_read_while_the_session_closes_do_not_crash_it(review_db: Path) -> None:
    """A worker's read can end while the app is tearing its widgets down (quitting as the
    details load): drawing it then must not raise."""
    from workbench.tui.widgets.context import ArticleContext
    from workbench.tui.widgets.details import ClaimDetails

    app = make_app(review_db)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        with Store(review_db) as store:
            claim = store.claim(queue(app).current.id)
            article = store.article(claim.article_id)
        context, details = app.query_one(ArticleContext), app.query_one(ClaimDetails)
        await context.query_one("#context-text").remove()
        await details.query_one("#details-text").remove()
        context.show(article, claim)
        details.show("late")
        await pilot.pause()
