"""Monitoring: feeds followed as events, `workbench watch` against feeds served on 127.0.0.1
(RSS 2.0, Atom, a broken entry, 304s, a feed that never answers), and the claims that
arrived since a reviewer's last session."""

from __future__ import annotations

import itertools
import json
import sqlite3
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.news_site import Page, Site, article_page, atom, rss, serve
from workbench.cli.main import cli
from workbench.store import Store
from workbench.usecases.sessions import arrivals, open_session

STORIES = {
    "/world/selene-bay": (
        "Grain terminal reopens",
        [
            "Freedonia reopened the Selene Bay grain terminal on Tuesday after a three-week "
            "closure, the port authority said.",
            "The terminal loaded 42,000 tonnes of wheat on its first day back.",
        ],
    ),
    "/world/border-talks": (
        "Border talks resume",
        [
            "Negotiators from Ruritania and Osterlich met in Zenda on Monday for the first "
            "time since March.",
            "The foreign minister of Ruritania said the talks were a waste of everyone's time.",
        ],
    ),
    "/economy/rates": (
        "Central bank holds rates",
        [
            "The central bank of Graustark kept its main rate at 4.5 per cent on Thursday.",
            "Inflation in Graustark fell to 3.1 per cent in October, the statistics office said.",
        ],
    ),
    "/economy/steel": (
        "Steel exports climb",
        [
            "Latveria exported 1.2 million tonnes of steel in the third quarter, customs "
            "records show.",
            "Most of the steel went to Sylvania and Elbonia.",
        ],
    ),
    "/world/dam": (
        "Dam project approved",
        [
            "The parliament of Genovia approved a hydroelectric dam on the Pyrus river by "
            "61 votes to 40.",
            "Opposition members said the vote was rushed.",
        ],
    ),
}


def run(*args: str, code: int = 0):
    result = CliRunner().invoke(cli, list(args), env={"WORKBENCH_REVIEWER": "alice"})
    assert result.exit_code == code, result.output
    return result


def site_with(pages: dict[str, Page]) -> Site:
    site = Site()
    site.pages.update({path: article_page(*story) for path, story in STORIES.items()})
    site.pages.update(pages)
    return site


def watch(db: Path, *extra: str, code: int = 0):
    return run("watch", "--once", "--allow-private", "--delay", "0", "--timeout", "2",
               "--db", str(db), *extra, code=code)  # fmt: skip


def articles(db: Path) -> dict[str, tuple]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT canonical_url, outlet, title, id FROM articles").fetchall()
    finally:
        conn.close()
    return {url: (outlet, title, aid) for url, outlet, title, aid in rows}


def test_feeds_are_added_listed_and_removed_as_events(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    out = run("feeds", "add", "https://news.example/world.rss", "--name", "World",
              "--outlet", "Example News", "--db", db).output  # fmt: skip
    assert out.startswith("following feed ") and "World" in out
    fid = out.split()[2].rstrip(":")
    twice = run("feeds", "add", "https://NEWS.example/world.rss", "--db", db, code=1)
    assert "followed already" in twice.output and len(twice.output.strip().splitlines()) == 1
    listed = run("feeds", "list", "--db", db).output
    assert fid in listed and "World <https://news.example/world.rss>" in listed
    (row,) = json.loads(run("feeds", "list", "--format", "json", "--db", db).output)
    assert row["outlet"] == "Example News" and row["added_by"] == "alice"
    run("verify", "--deep", "--db", db)
    run("rebuild", "--db", db)
    assert fid in run("feeds", "list", "--db", db).output
    history = run("history", fid[:6], "--db", db).output
    assert "alice  feed.added  followed https://news.example/world.rss (World)" in history
    assert "no longer following" in run("feeds", "remove", fid[:5], "--db", db).output
    assert "no feeds followed" in run("feeds", "list", "--db", db).output
    assert run("feeds", "remove", fid, "--db", db, code=1).output.startswith("error: no feed")
    with Store(db) as store:
        actions = [e.action for e in store.events()]
    assert actions == ["feed.added", "feed.removed"]


@pytest.mark.parametrize("url", ["file:///etc/passwd", "javascript:alert(1)", "ftp://x.org/f"])
def test_only_web_feeds_can_be_followed(tmp_path: Path, url: str) -> None:
    out = run("feeds", "add", url, "--db", str(tmp_path / "c.db"), code=1).output
    assert out.startswith("error: cannot follow") and "only http and https" in out


def test_watch_without_feeds_says_how_to_add_one(tmp_path: Path) -> None:
    Store(tmp_path / "c.db").close()
    out = run("watch", "--db", str(tmp_path / "c.db"), code=2).output
    assert "workbench feeds add URL" in out


def test_rss_and_atom_feeds_bring_new_articles_once(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    site = site_with({})
    with serve(site):
        b = site.base
        site.pages["/world.rss"] = rss(
            "World",
            [("Terminal", f"{b}/world/selene-bay?utm_source=rss"),
             ("Talks", f"{b}/world/border-talks")],
            etag='"w1"',
        )  # fmt: skip
        site.pages["/economy.atom"] = atom(
            "Economy", [("Rates", "/economy/rates"), ("Steel", f"{b}/economy/steel#top")],
            last_modified="Wed, 02 Dec 2026 08:00:00 GMT",
        )  # fmt: skip
        run("feeds", "add", f"{b}/world.rss", "--name", "World", "--outlet", "Zenda Post",
            "--db", str(db))  # fmt: skip
        run("feeds", "add", f"{b}/economy.atom", "--db", str(db))
        first = watch(db).output
        assert "feed World: 2 new (" in first
        assert f"feed {b}/economy.atom: 2 new (" in first
        assert "checked 2 feeds" in first and "4 new articles (8 claims)" in first
        stored = articles(db)
        assert set(stored) == {f"{b}/world/selene-bay", f"{b}/world/border-talks",
                               f"{b}/economy/rates", f"{b}/economy/steel"}  # fmt: skip
        assert stored[f"{b}/world/selene-bay"][:2] == ("Zenda Post", "Grain terminal reopens")

        # unchanged: both feeds answer 304 to the validators they sent last time
        second = watch(db).output
        assert "feed World: not modified since the last check" in second
        assert "economy.atom: not modified" in second
        assert site.requests("/world.rss")[-1].get("If-None-Match") == '"w1"'
        assert (
            site.requests("/economy.atom")[-1].get("If-Modified-Since")
            == "Wed, 02 Dec 2026 08:00:00 GMT"
        )

        # changed: one new entry; the stored ones are skipped without being fetched again
        site.pages["/world.rss"] = rss(
            "World",
            [("Dam", f"{b}/world/dam"), ("Terminal", f"{b}/world/selene-bay"),
             ("Talks", f"{b}/world/border-talks?utm_medium=feed")],
            etag='"w2"',
        )  # fmt: skip
        fetched_before = len(site.requests("/world/selene-bay?utm_source=rss"))
        third = watch(db).output
        assert "feed World: 1 new (" in third and "2 already stored" in third
        assert len(site.requests("/world/selene-bay")) == 0
        assert len(site.requests("/world/selene-bay?utm_source=rss")) == fetched_before
    assert len(articles(db)) == 5
    listed = run("feeds", "list", "--db", str(db)).output
    assert "       3  " in listed and "       2  " in listed
    world = next(line.split()[0] for line in listed.splitlines() if "World" in line)
    checks = [line for line in run("history", world, "--db", str(db)).output.splitlines()
              if "feed.polled" in line]  # fmt: skip
    # the unchanged check in between left no trace
    assert [c.split("feed.polled  ")[1] for c in checks] == [
        "checked: 2 new, 0 already stored",
        "checked: 1 new, 2 already stored",
    ]
    run("verify", "--deep", "--db", str(db))


def test_a_broken_entry_is_reported_and_the_rest_is_stored(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    site = site_with({})
    with serve(site):
        b = site.base
        site.pages["/mixed.rss"] = rss(
            "Mixed",
            [("Gone", f"{b}/world/gone"), ("No link", None), ("Script", "javascript:alert(1)"),
             ("Rates", f"{b}/economy/rates")],
            etag='"m1"',
        )  # fmt: skip
        run("feeds", "add", f"{b}/mixed.rss", "--name", "Mixed", "--db", str(db))
        out = watch(db).output
        assert (
            "feed Mixed: 1 new (" in out
            and "1 failed" in out
            and "2 entries without an article link" in out
        )
        assert f"cannot fetch {b}/world/gone: HTTP 404" in out
        assert "entry 2 (No link) has no link" in out and "not an http(s) address" in out
        assert list(articles(db)) == [f"{b}/economy/rates"]
        # a 404 will not pass: the validators are kept and the feed answers 304
        again = watch(db).output
        assert site.requests("/mixed.rss")[-1].get("If-None-Match") == '"m1"'
        assert "feed Mixed: not modified" in again


def test_an_article_that_may_come_back_is_retried(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    site = site_with({})
    with serve(site):
        b = site.base
        steel = site.pages["/economy/steel"]
        site.pages["/economy/steel"] = Page(b"busy", status=503)
        site.pages["/e.rss"] = rss("E", [("Steel", f"{b}/economy/steel"),
                                         ("Rates", f"{b}/economy/rates")], etag='"e1"')  # fmt: skip
        run("feeds", "add", f"{b}/e.rss", "--name", "E", "--db", str(db))
        out = watch(db).output
        assert "feed E: 1 new (" in out and f"cannot fetch {b}/economy/steel: HTTP 503" in out
        # a 503 may pass: no validators kept, so the whole feed is read and the page retried
        site.pages["/economy/steel"] = steel
        again = watch(db).output
        assert "If-None-Match" not in site.requests("/e.rss")[-1]
        assert "feed E: 1 new (" in again and "1 already stored" in again
        assert "not modified" in watch(db).output
    assert len(articles(db)) == 2


def test_a_feed_that_never_answers_does_not_stop_the_others(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    site = site_with({})
    with serve(site):
        b = site.base
        site.pages["/slow.rss"] = Page(b"", hang=5)
        site.pages["/page.html"] = article_page("Not a feed", ["Just a page."])
        site.pages["/good.rss"] = rss("Good", [("Steel", f"{b}/economy/steel")])
        for path in ("/slow.rss", "/page.html", "/good.rss"):
            run("feeds", "add", f"{b}{path}", "--db", str(db))
        out = watch(db, "--timeout", "0.5", code=1).output
    assert f"feed {b}/slow.rss: failed: cannot fetch {b}/slow.rss: timed out" in out
    assert f"feed {b}/page.html: failed: {b}/page.html is not an RSS or Atom feed" in out
    assert f"feed {b}/good.rss: 1 new (" in out and "2 failed, in" in out
    assert list(articles(db)) == [f"{b}/economy/steel"]
    listed = json.loads(run("feeds", "list", "--format", "json", "--db", str(db)).output)
    (slow,) = [f for f in listed if f["url"].endswith("slow.rss")]
    assert slow["status"] == "failed" and "timed out" in slow["error"]


def test_feeds_on_this_machine_are_refused_unless_allowed(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    site = site_with({"/w.rss": rss("W", [("Dam", "/world/dam")])})
    with serve(site):
        run("feeds", "add", f"{site.base}/w.rss", "--db", str(db))
        out = run("watch", "--once", "--db", str(db), code=1).output
    assert "private or local address" in out and not articles(db)


def test_the_same_text_under_another_address_is_skipped(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    site = site_with({})
    with serve(site):
        b = site.base
        site.pages["/mirror/dam"] = site.pages["/world/dam"]
        site.pages["/a.rss"] = rss("A", [("Dam", f"{b}/world/dam")])
        site.pages["/b.rss"] = rss("B", [("Dam again", f"{b}/mirror/dam")])
        run("feeds", "add", f"{b}/a.rss", "--name", "A", "--db", str(db))
        run("feeds", "add", f"{b}/b.rss", "--name", "B", "--db", str(db))
        out = watch(db).output
    assert "feed A: 1 new (" in out and "feed B: 0 new, 1 already stored" in out
    assert len(articles(db)) == 1


def test_requests_to_one_host_are_spaced_by_the_delay(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    site = site_with({})
    with serve(site):
        b = site.base
        site.pages["/w.rss"] = rss("W", [(t, f"{b}{p}") for p, (t, _) in STORIES.items()][:3])
        run("feeds", "add", f"{b}/w.rss", "--db", str(db))
        run("watch", "--once", "--allow-private", "--delay", "0.4", "--db", str(db))
    times = sorted(t for _, t, _ in site.log)
    assert [p for p, _, _ in site.log].count("/robots.txt") == 1  # read once per site
    assert len(times) == 5  # the feed, robots.txt, three articles
    assert all(later - earlier >= 0.39 for earlier, later in itertools.pairwise(times))


def test_articles_the_sites_robots_txt_disallows_are_not_fetched(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    robots = b"User-agent: *\nDisallow: /economy/\n\nUser-agent: other\nDisallow: /\n"
    site = site_with({"/robots.txt": Page(robots, "text/plain")})
    with serve(site):
        b = site.base
        site.pages["/w.rss"] = rss(
            "W", [("Rates", f"{b}/economy/rates"), ("Dam", f"{b}/world/dam")]
        )
        run("feeds", "add", f"{b}/w.rss", "--name", "W", "--db", str(db))
        out = watch(db).output
        assert "feed W: 1 new (" in out and "1 failed" in out
        assert f"{b}/economy/rates: the site's robots.txt does not allow fetching it" in out
        assert not site.requests("/economy/rates")
        site.pages["/robots.txt"] = Page(b"busy", status=503)
        site.pages["/w.rss"] = rss("W", [("Steel", f"{b}/economy/steel")])
        later = watch(db).output  # robots.txt unreachable: nothing fetched, tried again later
        assert "robots.txt did not answer" in later and not site.requests("/economy/steel")
    assert list(articles(db)) == [f"{b}/world/dam"]


def test_a_feed_out_of_time_leaves_the_rest_for_the_next_check(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    site = site_with({})
    with serve(site):
        b = site.base
        for path in STORIES:
            site.pages[path].slow = 0.5  # a server that takes its time with every page
        site.pages["/w.rss"] = rss("W", [(t, f"{b}{p}") for p, (t, _) in STORIES.items()])
        run("feeds", "add", f"{b}/w.rss", "--name", "W", "--db", str(db))
        out = watch(db, "--delay", "0.3", "--feed-deadline", "1.2", "--json").output
        (first,) = json.loads(out)["feeds"]
        assert first["new"] and first["failed"]
        assert len(first["new"]) + len(first["failed"]) == 5
        reasons = [f["reason"] for f in first["failed"]]
        assert any("the feed used up its 1.2 s of fetching" in r for r in reasons)
        for path in STORIES:
            site.pages[path].slow = 0
        rest = watch(db).output
    assert f"feed W: {len(first['failed'])} new (" in rest
    assert f"{len(first['new'])} already stored" in rest
    assert len(articles(db)) == 5


def test_time_spent_splitting_is_not_taken_from_a_feeds_budget(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    site = site_with({})
    with serve(site):
        b = site.base
        site.pages["/w.rss"] = rss("W", [(t, f"{b}{p}") for p, (t, _) in STORIES.items()])
        run("feeds", "add", f"{b}/w.rss", "--name", "W", "--db", str(db))
        # loading the model and splitting five articles take longer than one second
        out = watch(db, "--feed-deadline", "1").output
    assert "feed W: 5 new (" in out


def test_claims_arrived_since_the_reviewers_last_session(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    run("ingest", "--sample", "--db", str(db))
    with Store(db) as store:
        first = open_session(store, "alice")
        assert first.since is None and first.claims > 0
        assert open_session(store, "alice").claims == 0
        assert arrivals(store, "bob").claims == first.claims  # bob never opened one
    site = site_with({"/w.rss": rss("W", [("Dam", "/world/dam")])})
    with serve(site):
        run("feeds", "add", f"{site.base}/w.rss", "--db", str(db))
        watch(db)
    with Store(db) as store:
        new = arrivals(store, "alice")
        assert new.since is not None and 0 < new.claims < first.claims
    stats = json.loads(run("stats", "--format", "json", "--db", str(db)).output)
    assert stats["arrived_since_last_session"] == {
        "reviewer": "alice",
        "since": new.since,
        "claims": new.claims,
    }
    text = run("stats", "--db", str(db)).output
    assert f"\n{new.claims} claims arrived since alice's last review session (" in text


@pytest.mark.parametrize(
    ("text", "seconds"), [("15m", 900), ("1h30m", 5400), ("90s", 90), ("2", 120), ("1d", 86400)]
)
def test_every_takes_a_duration(text: str, seconds: float) -> None:
    from workbench.cli.feeds import Duration

    assert Duration().convert(text, None, None) == seconds


@pytest.mark.parametrize("text", ["soon", "15x", "0s", "m", "-5m"])
def test_every_refuses_what_is_not_a_duration(tmp_path: Path, text: str) -> None:
    Store(tmp_path / "c.db").close()
    out = run("watch", "--every", text, "--db", str(tmp_path / "c.db"), code=2).output
    assert "--every" in out and "Traceback" not in out


def test_a_hostile_feed_expands_no_entities_and_reads_no_files() -> None:
    from workbench.ingest.feeds import parse_feed

    levels = "".join(f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 9))
    # 10**8 characters if expanded
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e0 "boom">{levels}'
        '<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        '<rss version="2.0"><channel><title>&e8;</title>'
        "<item><title>&secret;</title><link>https://news.example/a</link></item>"
        "</channel></rss>"
    ).encode()
    title, entries, _ = parse_feed(bomb, "https://news.example/feed")
    assert len(title or "") < 100
    assert [e.url for e in entries] == ["https://news.example/a"]
    assert "root:" not in (entries[0].title or "")


def test_watch_every_outlives_a_locked_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench.core.errors import StoreError
    from workbench.usecases import watch as watching

    db = tmp_path / "c.db"
    run("feeds", "add", "https://news.example/w.rss", "--db", str(db))
    calls = []

    def check(*args: object, **kwargs: object) -> list:
        calls.append(1)
        if len(calls) == 1:
            raise StoreError(f"{db} is locked by another process (waited 10 s)")
        raise KeyboardInterrupt

    monkeypatch.setattr(watching, "watch_once", check)
    monkeypatch.setattr("workbench.cli.feeds.time.sleep", lambda seconds: None)
    out = run("watch", "--every", "1m", "--db", str(db), code=130).output
    assert "is locked by another process (waited 10 s); the next check tries again" in out
    assert "next check at" in out and "stopped:" in out and len(calls) == 2


def test_a_request_that_goes_late_never_brings_the_next_one_closer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from workbench.usecases import watch as watching

    real_sleep, slept = time.sleep, []

    def oversleeping(seconds: float) -> None:  # a busy thread wakes up late, once
        real_sleep(seconds + (0.1 if not slept else 0.0))
        slept.append(seconds)

    monkeypatch.setattr(watching.time, "sleep", oversleeping)
    clock = watching.HostClock(0.2)
    gone = []
    for _ in range(3):
        clock.wait("http://news.example/a")
        gone.append(time.monotonic())
    assert all(later - earlier >= 0.2 for earlier, later in itertools.pairwise(gone))
