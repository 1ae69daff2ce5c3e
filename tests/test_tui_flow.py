"""The review session's flow and feedback: moving on after a verdict, the next claim without
a verdict, toasts that say what happened, disagreements flagged, undo that names its claim."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from tests import test_tui
from tests.test_tui import claim_of, loaded, messages, queue
from workbench.matching import link_article
from workbench.review.rubrics import load_rubric
from workbench.store import Store
from workbench.tui.app import ReviewApp
from workbench.usecases import actions


def make_app(db: Path, **kwargs: object) -> ReviewApp:
    """The review app, with the title of every toast it shows kept: a toast of two seconds
    may be gone before a slow machine gets to look at it."""
    app = test_tui.make_app(db, **kwargs)
    shown: list[str] = []
    notify = app.notify

    def recorded(message: str, *, title: str = "", **rest: object) -> None:
        shown.append(title)
        notify(message, title=title, **rest)

    app.notify = recorded  # type: ignore[method-assign]
    app.shown_titles = shown  # type: ignore[attr-defined]
    return app


def titles(app: ReviewApp) -> list[str]:
    return list(app.shown_titles)  # type: ignore[attr-defined]


async def go_to(pilot, claim_id: str) -> None:
    rows = queue(pilot.app).rows
    queue(pilot.app).goto(next(i for i, r in enumerate(rows) if r.id == claim_id))
    await pilot.pause()


async def test_a_verdict_moves_on_to_the_next_claim_without_one(review_db: Path) -> None:
    app = make_app(review_db, auto_advance=True)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        rated = queue(app).current.id
        await pilot.press("5")  # Unsupported: needs no source
        await pilot.pause()
        assert claim_of(review_db, rated).verdict == "unsupported"
        assert queue(app).cursor == 1 and queue(app).current.id != rated
        assert "Verdict saved" in titles(app)


async def test_space_skips_claims_that_have_a_verdict(review_db: Path) -> None:
    with Store(review_db) as store:
        second = store.queue_rows(ordered=True)[1].id
        actions.record_verdict(store, second, "unsupported", load_rubric("default"), "carol")
    app = make_app(review_db)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        rows = queue(app).rows
        rated = next(i for i, r in enumerate(rows) if r.id == second)
        without = [i for i in range(len(rows)) if i != rated]
        visited = []
        for _ in range(len(without)):
            await pilot.press("space")
            visited.append(queue(app).cursor)
        assert rated not in visited and sorted(visited) == without


async def test_note_flip_edit_and_approve_each_say_what_happened(review_db: Path) -> None:
    rubric = load_rubric("default")
    with Store(review_db) as store:
        cid = store.queue_rows(ordered=True)[0].id
        actions.record_verdict(store, cid, "unsupported", rubric, "alice")
    app = make_app(review_db)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        await go_to(pilot, cid)
        await pilot.press("n", *"Ask the port", "ctrl+s")
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("e")
        app.screen.query_one("#note").text = "Ruritania sent grain."
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("o")  # back to a fact, so alice's verdict can be approved
        await pilot.press("a")
        await pilot.pause()
        shown = titles(app)
        assert "Note added" in shown and "Wording edited" in shown
        assert any(t.startswith("Now an opinion") for t in shown)
        assert "Approved alice's verdict" in shown


async def test_a_different_verdict_on_an_agreed_claim_warns_of_the_conflict(
    review_db: Path,
) -> None:
    with Store(review_db) as store:
        cid = store.queue_rows(ordered=True)[0].id
        actions.record_verdict(store, cid, "unsupported", load_rubric("default"), "alice")
    app = make_app(review_db)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        await go_to(pilot, cid)
        await pilot.press("6")  # Not checkable, against alice's Unsupported
        await pilot.pause()
        assert claim_of(review_db, cid).status == "conflict"
        (warning,) = [n for n in app._notifications if n.severity == "warning"]
        assert warning.title == "Verdict saved, in conflict"
        assert "alice: unsupported" in warning.message


async def test_a_missing_source_says_how_to_add_one_here(review_db: Path) -> None:
    app = make_app(review_db)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("1")
        await pilot.pause()
        (refusal,) = [m for m in messages(app) if "needs 1 source" in m]
        assert refusal.endswith("press s to add one") and "--source" not in refusal


async def test_undo_names_the_claim_and_goes_back_to_it(review_db: Path) -> None:
    app = make_app(review_db, auto_advance=True)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        rated = queue(app).current
        await pilot.press("5")
        await pilot.pause()
        assert queue(app).current.id != rated.id  # moved on
        await pilot.press("u")
        await pilot.pause()
        assert queue(app).current.id == rated.id
        (undone,) = [n for n in app._notifications if n.title == "Undid your verdict"]
        assert rated.claim[:30] in undone.message and "(moved there)" in undone.message
        assert claim_of(review_db, rated.id).verdicts == ()


async def test_one_resize_is_enough_to_lay_out_for_the_new_size(review_db: Path) -> None:
    app = make_app(review_db)
    async with app.run_test(size=(160, 45)) as pilot:
        await loaded(pilot)
        assert not app.has_class("narrow")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.has_class("narrow")
        heading = str(app.query_one("#queue-heading").render())
        assert heading.startswith("K CW   VERDICT") and "CLAIM" in heading


async def test_the_queue_has_headings_and_the_help_explains_them(review_db: Path) -> None:
    app = make_app(review_db)
    async with app.run_test(size=(160, 45)) as pilot:
        await loaded(pilot)
        heading = str(app.query_one("#queue-heading").render())
        assert all(word in heading for word in ("K", "CW", "VERDICT", "SPEAKER", "CLAIM"))
        await pilot.press("question_mark")
        await pilot.pause()
        from workbench.tui.screens.info import LEGEND

        assert {column for column, _ in LEGEND} >= {"K", "CW", "VERDICT", "SPEAKER"}
        assert app.screen.__class__.__name__ == "HelpScreen"


async def test_the_note_dialog_shows_the_claim_it_annotates(review_db: Path) -> None:
    app = make_app(review_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        claim = queue(app).current.claim
        await pilot.press("n")
        await pilot.pause()
        shown = str(app.screen.query_one("#note-claim").render())
        assert claim[:40] in shown


def test_the_model_cue_reads_in_plain_words() -> None:
    from workbench.tui.widgets.details import plain_cue

    assert plain_cue("model: objective 0.97") == "reads as a fact (model, 0.97)"
    assert plain_cue("model: subjective 0.61") == "reads as an opinion (model, 0.61)"
    assert plain_cue("evaluative: remarkable") == "evaluative: remarkable"


async def test_the_context_scrolls_to_a_claim_deep_in_its_paragraph(tmp_path: Path) -> None:
    from tests.conftest import hand_made

    long_before = " ".join(["The talks went on through the night."] * 30)
    text = long_before + "\n\n" + "Ruritania shipped 40,000 tonnes of grain to Freedonia."
    article, claims = hand_made(text=text + "\n\nThis is a remarkable moment.")
    with Store(tmp_path / "deep.db") as store:
        store.add_article(article, claims, "tester")
    app = make_app(tmp_path / "deep.db")
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        target = next(i for i, r in enumerate(queue(app).rows) if r.claim.startswith("Ruritania"))
        queue(app).goto(target)
        await pilot.pause()
        await pilot.pause()
        from workbench.tui.widgets.context import ArticleContext

        assert app.query_one(ArticleContext).scroll_y > 0  # not left at the title


async def test_a_conflict_is_settled_in_the_session(review_db: Path) -> None:
    rubric = load_rubric("default")
    source = [actions.SourceInput("https://port.example.org/log", title="Port log")]
    with Store(review_db) as store:
        cid = store.queue_rows(ordered=True)[0].id
        actions.record_verdict(store, cid, "false", rubric, "alice", source, "Port says 4,000")
        actions.record_verdict(store, cid, "accurate", rubric, "bob", source)
    app = make_app(review_db, reviewer="carol")
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        await go_to(pilot, cid)
        await pilot.press("r")
        await pilot.pause()
        body = str(app.screen.query_one("#conflict-body").render())
        assert "alice: False" in body and "bob: Accurate" in body
        assert "Port says 4,000" in body and "source: Port log" in body
        await pilot.press("4")  # keep alice's False
        await pilot.pause()
        claim = claim_of(review_db, cid)
        assert claim.status == "reviewed" and claim.verdict == "false"
        assert "Conflict settled" in titles(app)
        await pilot.press("u")  # undoable like any other action
        await pilot.pause()
        assert claim_of(review_db, cid).status == "conflict"


async def test_r_on_a_claim_without_a_conflict_says_so(review_db: Path) -> None:
    app = make_app(review_db)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("r")
        await pilot.pause()
        assert any("not in conflict" in m for m in messages(app))


async def test_browser_search_and_copy(review_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_SEARCH_URL", "https://search.example.org/?q={query}")
    with Store(review_db) as store:
        cid = store.queue_rows(ordered=True)[0].id
        actions.add_source(store, cid, actions.SourceInput("https://port.example.org/log"), "carol")
    app = make_app(review_db)
    opened, copied = [], []
    monkeypatch.setattr(app, "open_url", lambda url, **kw: opened.append(url))
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        await go_to(pilot, cid)
        row = queue(app).current
        await pilot.press("b", "w", "c")
        await pilot.pause()
    assert opened[0] == "https://port.example.org/log"  # no article address: the source
    assert opened[1].startswith("https://search.example.org/?q=") and "+" in opened[1]
    assert copied == [f"{row.claim} [{row.id}]"]


async def test_x_rates_every_unrated_opinion_at_once_and_u_undoes_them_all(
    tmp_path: Path,
) -> None:
    from workbench.core.values import ClaimDraft, Cleaned, Document
    from workbench.ingest.articles import make_article, make_claims

    text = "A remarkable pact.\n\nA shameful deal.\n\nRuritania shipped grain."
    article = make_article(Document(text=text, source="ops.txt"), Cleaned(text))
    drafts, start = [], 0
    for para in text.split("\n\n"):
        start = text.index(para, start)
        kind = "fact" if para.startswith("Ruritania") else "opinion"
        drafts.append(ClaimDraft(para, para, start, start + len(para), kind))
    with Store(tmp_path / "ops.db") as store:
        store.add_article(article, make_claims(article, drafts), "tester")
    app = make_app(tmp_path / "ops.db")
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        with Store(tmp_path / "ops.db") as store:
            rated = {c.claim: c.verdict for c in store.claims()}
        assert rated == {"A remarkable pact.": "not-checkable",
                         "A shameful deal.": "not-checkable",
                         "Ruritania shipped grain.": None}  # fmt: skip
        await pilot.press("u")
        await pilot.pause()
        assert "Undo your verdicts on 2 claims" in str(app.screen.query_one(Static).render())
        await pilot.press("y")
        await pilot.pause()
        assert "Undid your verdicts" in titles(app)
        with Store(tmp_path / "ops.db") as store:
            assert all(c.verdict is None for c in store.claims())
            assert store.verify() is None


def test_adopting_matches_in_bulk_is_one_batch_that_undo_cancels_whole(tmp_path: Path) -> None:
    from tests.test_matching import FIRST, article_with

    rubric = load_rubric("default")
    with Store(tmp_path / "bulk.db") as store:
        a1, c1 = article_with(FIRST, "first")
        store.add_article(a1, c1, "alice", link=link_article)
        actions.record_verdict(store, c1[0].id, "false", rubric, "alice",
                               [actions.SourceInput("https://port.example.org/log")])  # fmt: skip
        same = "Ruritania has shipped 40,000 tonnes of grain to Freedonia."
        a2, c2 = article_with(same + "\n\nOsterlich closed its border.", "second")
        store.add_article(a2, c2, "bob", link=link_article)
        a3, c3 = article_with("Ruritania has shipped 40,000 tonnes of grain to Freedonia.", "third")
        store.add_article(a3, c3, "bob", link=link_article)
        events = actions.adopt_matches(store, [c.id for c in (*c2, *c3)], "carol")
        assert len(events) == 2 and len({e.payload["batch"] for e in events}) == 1
        assert {store.claim(e.subject).verdict for e in events} == {"false"}
        undone = actions.undo(store, "carol")
        assert undone.payload["batch_size"] == 2
        assert all(store.claim(e.subject).verdicts == () for e in events)


async def test_v_shows_the_whole_article_with_the_claim_marked(review_db: Path) -> None:
    from tests.conftest import REVIEW_TEXT

    app = make_app(review_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        claim = queue(app).current.text
        await pilot.press("v")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "InfoScreen"
        body = app.screen.body
        assert body.plain.endswith(REVIEW_TEXT.split("\n\n")[-1])  # all of it, to the end
        marked = [body.plain[s.start : s.end] for s in body.spans if "reverse" in str(s.style)]
        assert marked == [claim]


async def test_S_shows_the_figures_with_agreed_verdicts_as_bars(review_db: Path) -> None:
    with Store(review_db) as store:
        cid = store.queue_rows(ordered=True)[0].id
        actions.record_verdict(store, cid, "unsupported", load_rubric("default"), "alice")
    app = make_app(review_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("S")
        await pilot.pause()
        text = app.screen.body.plain
        assert "1 articles · 4 claims" in text
        (bar,) = [line for line in text.splitlines() if "█" in line]
        assert bar.strip().startswith("Unsupported") and bar.strip().endswith(" 1")
        assert "alice: 1" in text


def test_an_approval_by_a_colleague_says_whose_verdict_it_approved() -> None:
    from workbench.core.values import Event
    from workbench.review.history import others_did

    approval = Event("e1", 1, "2026-12-02T10:00:00Z", "bob", "verdict.approved", "c1",
                     {"reviewer": "alice", "rating": "false"}, "", "")  # fmt: skip
    assert others_did([approval], "c1") == (
        "bob approved alice's verdict (false) on the claim you are viewing"
    )
