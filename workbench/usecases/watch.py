"""``workbench watch``: check every feed followed, and split and store what is new.

Politeness: each feed is asked with the validators of its last answer (a 304 costs the
server nothing), requests to one host are spaced by a delay, an article is fetched only
if its site's robots.txt allows it, and each feed has a budget of seconds for fetching
itself and its articles (time spent waiting for the splitter does not count, so a long
queue of articles is not cut short, while a server that drips its pages is).

Articles are fetched with the limits of ``ingest URL``, a few at a time in threads while
the main thread splits; each is stored in its own transaction as soon as it is split.
What went wrong with one feed or one article is reported on its feed's line and never
stops the others.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from typing import Protocol
from urllib.parse import urlsplit

from workbench.core.errors import InputError
from workbench.core.text import counted
from workbench.core.values import Document, Feed
from workbench.ingest.feeds import FeedEntry, fetch_feed
from workbench.ingest.fetch import DEFAULT_TIMEOUT_S, HTTPStatusError, NetworkError
from workbench.ingest.read import fetch_page, page_document
from workbench.ingest.robots import RobotsRules
from workbench.store import Store


@dataclass(frozen=True)
class WatchOptions:
    """How politely and how long: seconds between two requests to one host, seconds per
    network operation, seconds of fetching for a feed and all its articles."""

    host_delay: float = 1.0
    timeout: float = DEFAULT_TIMEOUT_S
    feed_deadline: float = 120.0  # seconds of fetching for a feed and its articles
    fetchers: int = 4  # articles fetched at once (on different hosts when they can be)
    allow_private: bool = False


@dataclass
class FeedReport:
    """What one check of one feed did."""

    feed: Feed
    status: str = "ok"  # "ok", "not modified", "failed"
    error: str | None = None  # why the feed itself failed
    new: list[str] = field(default_factory=list)  # ids of the articles stored
    claims: int = 0
    skipped: int = 0  # entries already stored (same address, or same text)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (article URL, reason)
    retry: bool = False  # an article failed for a reason that may pass (time-out, 503 …)
    spent: float = 0.0  # seconds spent fetching the feed and its articles (see _spend)
    unusable: tuple[str, ...] = ()  # entries that link to no article
    etag: str | None = None
    last_modified: str | None = None

    def line(self) -> str:
        """The feed's summary line."""
        name = f"feed {self.feed.label}"
        if self.status == "failed":
            return f"{name}: failed: {self.error}"
        if self.status == "not modified":
            return f"{name}: not modified since the last check"
        parts = [
            f"{len(self.new)} new" + (f" ({counted(self.claims, 'claim')})" if self.new else "")
        ]
        parts.append(f"{self.skipped} already stored")
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        if self.unusable:
            parts.append(
                counted(len(self.unusable), "entry", "entries") + " without an article link"
            )
        return f"{name}: " + ", ".join(parts)

    def details(self) -> list[str]:
        """One line per article that failed or entry that was unusable, with the reason."""
        return [f"  {reason}" for _, reason in self.failed] + [f"  {u}" for u in self.unusable]

    def as_dict(self) -> dict:
        """The report as ``watch --json`` prints it."""
        return {
            "feed": self.feed.id,
            "url": self.feed.url,
            "name": self.feed.name,
            "status": self.status,
            "error": self.error,
            "new": self.new,
            "claims": self.claims,
            "skipped": self.skipped,
            "failed": [{"url": u, "reason": r} for u, r in self.failed],
            "unusable": list(self.unusable),
        }


class WatchProgress(Protocol):
    """What a display is told while ``watch_once`` runs."""

    def feeds_checked(self, done: int, total: int, fresh: int) -> None: ...

    def article_done(self, done: int, total: int, claims: int) -> None: ...


class HostClock:
    """Spaces requests to one host by ``delay`` seconds, across threads."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, url: str) -> None:
        """Sleep until a request to ``url``'s host is polite, and book the next slot from the
        moment this one goes: a request that goes late for its slot (a busy thread) never
        brings the next one closer than the delay."""
        host = (urlsplit(url).hostname or "").lower()
        while True:
            with self._lock:
                now = time.monotonic()
                due = self._next.get(host, 0.0)
                if now >= due:
                    self._next[host] = now + self.delay
                    return
            time.sleep(due - now)


class _Late(Exception):
    """The feed's seconds for fetching were used up before this article was fetched."""


@dataclass(frozen=True)
class _Task:
    report: FeedReport
    entry: FeedEntry


_SPENT = threading.Lock()  # fetcher threads add to their feed's ``spent``


def _left(report: FeedReport, options: WatchOptions) -> float:
    with _SPENT:
        return options.feed_deadline - report.spent


def _spend(report: FeedReport, seconds: float) -> None:
    with _SPENT:
        report.spent += seconds


def watch_once(
    store: Store,
    actor: str,
    options: WatchOptions = WatchOptions(),
    *,
    progress: WatchProgress | None = None,
) -> list[FeedReport]:
    """Check every feed followed once; store each new article in its own transaction.
    Returns a report per feed, in the order the feeds were added."""
    feeds = store.feeds()
    clock = HostClock(options.host_delay)
    reports: list[FeedReport] = []
    tasks: list[list[_Task]] = []
    seen: set[str] = set()  # articles two feeds both link to are fetched once
    for number, feed in enumerate(feeds, 1):
        report = FeedReport(feed)
        reports.append(report)
        tasks.append(_check_feed(store, report, clock, options, seen))
        if progress is not None:
            progress.feeds_checked(number, len(feeds), len(tasks[-1]))
    planned = _interleaved(tasks)
    _store_articles(store, actor, planned, clock, options, progress)
    for report in reports:
        _record_check(store, report, actor)
    return reports


def _check_feed(
    store: Store, report: FeedReport, clock: HostClock, options: WatchOptions, seen: set[str]
) -> list[_Task]:
    """Fetch one feed; the articles it links to that are not stored yet."""
    feed = report.feed
    clock.wait(feed.url)
    started = time.monotonic()
    try:
        answer = fetch_feed(
            feed.url,
            etag=feed.etag,
            last_modified=feed.last_modified,
            timeout=options.timeout,
            deadline=options.feed_deadline,
            allow_private=options.allow_private,
        )
    except InputError as err:
        report.status, report.error = "failed", str(err)
        return []
    finally:
        _spend(report, time.monotonic() - started)
    report.etag, report.last_modified = answer.etag, answer.last_modified
    if not answer.modified:
        report.status = "not modified"
        return []
    report.unusable = answer.unusable
    stored = store.stored_urls(e.url for e in answer.entries)
    fresh = []
    for entry in answer.entries:
        if entry.url in stored or entry.url in seen:
            report.skipped += 1
            continue
        seen.add(entry.url)
        fresh.append(_Task(report, entry))
    return fresh


def _interleaved(per_feed: Sequence[Sequence[_Task]]) -> list[_Task]:
    """One article of each feed in turn, so consecutive requests go to different hosts."""
    queues = [deque(tasks) for tasks in per_feed if tasks]
    out: list[_Task] = []
    while queues:
        for queue in list(queues):
            out.append(queue.popleft())
            if not queue:
                queues.remove(queue)
    return out


def _fetch_article(
    task: _Task, clock: HostClock, robots: RobotsRules, options: WatchOptions
) -> Document:
    """The article an entry links to, read as ``ingest URL`` reads it, if the site's
    robots.txt allows it."""
    if _left(task.report, options) <= 0:
        raise _Late
    if not robots.allows(task.entry.link):
        raise InputError(f"{task.entry.link}: the site's robots.txt does not allow fetching it")
    clock.wait(task.entry.link)
    left = _left(task.report, options)
    if left <= 0:
        raise _Late
    started = time.monotonic()
    try:
        answer = fetch_page(
            task.entry.link,
            timeout=min(options.timeout, left),
            deadline=left,
            allow_private=options.allow_private,
        )
    finally:
        _spend(task.report, time.monotonic() - started)
    # reading the text is not fetching: its time (and the extractor's first import, which
    # every fetcher thread waits for) is not the feed's to spend
    document = page_document(answer, task.entry.link)
    feed, entry = task.report.feed, task.entry
    return dataclasses.replace(
        document,
        url=entry.url,  # the canonical address: how the next check knows it is stored
        title=document.title or entry.title,
        outlet=feed.outlet or document.outlet,
        published=document.published or entry.published,
    )


def _store_articles(
    store: Store,
    actor: str,
    tasks: list[_Task],
    clock: HostClock,
    options: WatchOptions,
    progress: WatchProgress | None,
) -> None:
    """Fetch the articles a few at a time, split them in this thread and store each one in
    its own transaction as soon as it is split."""
    if not tasks:
        return
    from workbench.ingest.articles import prepare_each
    from workbench.usecases.actions import ingest_article

    waiting: deque[_Task] = deque()  # fetched, handed to the splitter, not stored yet
    done = 0
    robots = RobotsRules(
        timeout=options.timeout, allow_private=options.allow_private, wait=clock.wait
    )

    upcoming = iter(tasks)

    def finished(claims: int = 0) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress.article_done(done, len(tasks), claims)

    def documents(
        pool: ThreadPoolExecutor, pending: deque[tuple[_Task, Future[Document]]]
    ) -> Iterator[Document]:
        """Fetched articles in order, one more fetch started for each taken; failures are
        put on their feed's report and left out."""
        while pending:
            task, future = pending.popleft()
            nxt = next(upcoming, None)
            if nxt is not None:
                pending.append((nxt, pool.submit(_fetch_article, nxt, clock, robots, options)))
            try:
                document = future.result()
            except _Late:
                reason = (
                    f"not fetched: the feed used up its {options.feed_deadline:g} s of fetching"
                )
                task.report.failed.append((task.entry.link, f"{task.entry.link}: {reason}"))
                task.report.retry = True
                finished()
                continue
            except InputError as err:
                task.report.failed.append((task.entry.link, str(err)))
                task.report.retry |= _transient(err)
                finished()
                continue
            waiting.append(task)
            yield document

    with ThreadPoolExecutor(max_workers=max(1, options.fetchers)) as pool:
        # the first fetches start before the model loads, so they are ready when it is
        window = max(1, options.fetchers) * 2
        pending = deque(
            (task, pool.submit(_fetch_article, task, clock, robots, options))
            for task in islice(upcoming, window)
        )
        try:
            for item in prepare_each(documents(pool, pending)):
                task = waiting.popleft()
                result = ingest_article(store, item, actor)
                if result.created:
                    task.report.new.append(result.article_id)
                    task.report.claims += result.claims
                else:
                    task.report.skipped += 1  # the same text under another address
                finished(result.claims if result.created else 0)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _transient(err: InputError) -> bool:
    """Whether trying again later may succeed: the network, not the page, failed."""
    if isinstance(err, HTTPStatusError):
        return err.transient
    return isinstance(err, NetworkError)


def _record_check(store: Store, report: FeedReport, actor: str) -> None:
    """A ``feed.polled`` event when the check changed something: new articles, new
    validators, failing after working or the other way round, another error. Unchanged
    checks (a 304 among them) leave no trace in the log.

    The validators are not kept when an article failed for a reason that may pass (a
    time-out, a 503, the feed's seconds used up): the next check must read the whole feed again
    and retry it, rather than hear "304". A 404 is not worth a full read every time."""
    feed = report.feed
    etag, modified = report.etag, report.last_modified
    if report.retry:
        etag, modified = None, None
    elif report.status == "failed":
        etag, modified = feed.etag, feed.last_modified
    changed = (
        report.new
        or (report.status == "failed") != (feed.status == "failed")  # 304 after 200: healthy
        or report.error != feed.error
        or (etag, modified) != (feed.etag, feed.last_modified)
    )
    if not changed:
        return
    payload: dict = {"status": report.status, "new": report.new}
    for key, value in (
        ("etag", etag),
        ("last_modified", modified),
        ("error", report.error),
        ("skipped", report.skipped),
        ("failed", [[u, r] for u, r in report.failed]),
    ):
        if value:
            payload[key] = value
    with store.transaction():
        store.append("feed.polled", feed.id, payload, actor)
