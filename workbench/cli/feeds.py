"""`workbench feeds add|list|remove` and `workbench watch`: news feeds in, claims queued."""

from __future__ import annotations

import json
import re
import sys
import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import click

from workbench.cli.progress import Progress
from workbench.cli.support import allow_private_option, db_option, open_store, who
from workbench.core.errors import StoreError
from workbench.core.text import counted

if TYPE_CHECKING:
    from workbench.store import Store
    from workbench.usecases.watch import WatchOptions

_DURATION_RE = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd]?)", re.IGNORECASE)
_UNIT_S = {"": 60.0, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


class Duration(click.ParamType):
    """``15m``, ``1h``, ``90s``, ``1h30m``; a bare number is minutes."""

    name = "DURATION"

    def convert(self, value: object, param: object, ctx: click.Context | None) -> float:
        if isinstance(value, int | float):
            return float(value)
        text = str(value).strip()
        parts = _DURATION_RE.findall(text)
        if not text or "".join(n + u for n, u in parts) != text.replace(" ", ""):
            self.fail(f"'{value}' is not a duration (e.g. 15m, 1h, 90s)", param, ctx)
        seconds = sum(float(n) * _UNIT_S[u.lower()] for n, u in parts)
        if seconds < 1:
            self.fail("the interval must be at least one second", param, ctx)
        return seconds


@click.group()
def feeds() -> None:
    """The RSS and Atom feeds `workbench watch` checks."""


@feeds.command("add")
@click.argument("url")
@click.option("--name", help="What summary lines call the feed (default: its address).")
@click.option("--outlet", help="Publication name given to its articles.")
@click.option("--reviewer", help="Name recorded on the event (default: $WORKBENCH_REVIEWER).")
@db_option
def feeds_add(
    url: str, name: str | None, outlet: str | None, reviewer: str | None, db_path: str | None
) -> None:
    """Follow the feed at URL (an http(s) address; nothing is fetched until `watch`).

    \b
    Example:
        workbench feeds add https://news.example/world.rss --outlet "Example News"
    """
    from workbench.usecases.feeds import add_feed

    with open_store(db_path, create=True) as store:
        feed = add_feed(store, url, who(reviewer), name=name, outlet=outlet)
    click.echo(f"following feed {feed.id}: {feed.label}")


@feeds.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@db_option
def feeds_list(fmt: str, db_path: str | None) -> None:
    """The feeds followed: id, articles stored from each, the last check, the address."""
    with open_store(db_path) as store:
        followed = store.feeds()
    if fmt == "json":
        import dataclasses

        rows = [dataclasses.asdict(f) for f in followed]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not followed:
        click.echo("no feeds followed yet: add one with `workbench feeds add URL`")
        return
    click.echo(f"{'ID':<12}  {'ARTICLES':>8}  {'LAST CHANGE':<16}  {'STATUS':<12}  FEED")
    for f in followed:
        checked = (f.checked_at or "never")[:16].replace("T", " ")
        name = f"{f.name} <{f.url}>" if f.name else f.url
        status = f.status or "-"
        click.echo(f"{f.id:<12}  {f.articles:>8}  {checked:<16}  {status:<12}  {name}")
        if f.error:
            click.echo(f"{'':<12}  {f.error}")


@feeds.command("remove")
@click.argument("feed", metavar="ID|URL")
@click.option("--reviewer", help="Name recorded on the event (default: $WORKBENCH_REVIEWER).")
@db_option
def feeds_remove(feed: str, reviewer: str | None, db_path: str | None) -> None:
    """Stop following a feed (its articles and claims stay)."""
    from workbench.usecases.feeds import remove_feed

    with open_store(db_path) as store:
        removed = remove_feed(store, feed, who(reviewer))
    click.echo(f"no longer following feed {removed.id}: {removed.label}")


@click.command()
@click.option("--once", is_flag=True, help="Check every feed once, then exit (the default).")
@click.option("--every", type=Duration(), help="Check again at this interval: 15m, 1h …")
@click.option(
    "--delay",
    type=click.FloatRange(min=0),
    default=1.0,
    show_default=True,
    help="Seconds between two requests to one host.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=10.0,
    show_default=True,
    help="Seconds for each network operation.",
)
@click.option(
    "--feed-deadline",
    type=click.FloatRange(min=1),
    default=120.0,
    show_default=True,
    help="Seconds of fetching for one feed and all its new articles (waiting for the "
    "splitter does not count); the rest waits for the next check.",
)
@click.option("--reviewer", help="Name recorded on the events (default: $WORKBENCH_REVIEWER).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON report per check.")
@allow_private_option
@db_option
def watch(
    once: bool,
    every: float | None,
    delay: float,
    timeout: float,
    feed_deadline: float,
    reviewer: str | None,
    as_json: bool,
    allow_private: bool,
    db_path: str | None,
) -> None:
    """Check the feeds followed; split and store every new article.

    Each feed is asked whether it changed since the last check (ETag, Last-Modified);
    articles already stored (same canonical address, or same text) are skipped; each new
    one is fetched as `ingest URL` fetches, split, and stored in its own transaction.
    One line per feed says what was new, skipped and failed (with the reason); a broken
    feed or article never stops the others. Exit 1 when a feed could not be checked.

    \b
    Example:
        workbench watch --once
        workbench watch --every 15m
    """
    if once and every is not None:
        raise click.UsageError("--once and --every exclude each other")
    from workbench.usecases.watch import WatchOptions

    options = WatchOptions(
        host_delay=delay, timeout=timeout, feed_deadline=feed_deadline, allow_private=allow_private
    )
    actor = who(reviewer)
    with open_store(db_path) as store:
        if not store.feeds():
            raise click.UsageError("no feeds followed: add one with `workbench feeds add URL`")
        try:
            while True:
                if every is None:
                    failed = _check(store, actor, options, as_json)
                    break
                try:
                    _check(store, actor, options, as_json)
                except StoreError as err:  # e.g. locked by a long merge: a later check may pass
                    click.echo(f"error: {err}; the next check tries again", err=True)
                wake = time.time() + every
                click.echo(f"next check at {_clock(wake)} (Ctrl-C stops)", err=True)
                time.sleep(max(0.0, wake - time.time()))
        except KeyboardInterrupt:
            click.echo("stopped: every article reported as new is stored", err=True)
            sys.exit(130)
    if failed:
        sys.exit(1)


def _check(store: Store, actor: str, options: WatchOptions, as_json: bool) -> bool:
    """One check of every feed, with its lines; True when a feed could not be checked."""
    from workbench.usecases.watch import watch_once

    display = _Display()
    started = time.monotonic()
    reports = watch_once(store, actor, options, progress=display)
    display.close()
    seconds = time.monotonic() - started
    new = sum(len(r.new) for r in reports)
    claims = sum(r.claims for r in reports)
    bad = sum(r.status == "failed" for r in reports)
    if as_json:
        summary = {"feeds": [r.as_dict() for r in reports], "new": new, "claims": claims,
                   "failed_feeds": bad, "seconds": round(seconds, 2)}  # fmt: skip
        click.echo(json.dumps(summary, indent=2, ensure_ascii=False))
        return bad > 0
    for report in reports:
        click.echo(report.line())
        for line in report.details():
            click.echo(line)
    rate = f", {new / seconds * 60:.0f} articles/min" if new and seconds else ""
    click.echo(
        f"checked {counted(len(reports), 'feed')} at {_clock(time.time())}: "
        f"{counted(new, 'new article')} ({counted(claims, 'claim')}), {bad} failed, "
        f"in {seconds:.1f} s{rate}"
    )
    return bad > 0


class _Display:
    """The progress line while feeds are checked and articles fetched and split."""

    def __init__(self) -> None:
        self.progress: Progress | None = None

    def feeds_checked(self, done: int, total: int, fresh: int) -> None:
        if self.progress is None:
            self.progress = Progress(total, "feeds", "new articles")
        self.progress.advance(fresh)

    def article_done(self, done: int, total: int, claims: int) -> None:
        if self.progress is None or self.progress.unit != "articles":
            self.close()
            self.progress = Progress(total, "articles", "claims")
        self.progress.advance(claims)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.close()


def _clock(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, UTC).astimezone().strftime("%H:%M:%S")


def register(group: click.Group) -> None:
    group.add_command(feeds)
    group.add_command(watch)
