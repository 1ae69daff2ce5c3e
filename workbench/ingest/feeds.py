"""News feeds (RSS and Atom): fetch one politely and read out the articles it links to.

The feed is fetched with the limits of ``ingest URL`` (http(s) only, public addresses
unless allowed, a timeout per operation, a deadline, a size cap) and with the validators
of the last answer (``If-None-Match``, ``If-Modified-Since``), so an unchanged feed costs
the server a 304. feedparser reads the bytes we fetched: it is never handed a URL or a
path, so it never fetches or opens anything itself.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from urllib.parse import urljoin
from xml.sax import SAXException

from workbench.core.errors import InputError
from workbench.ingest.fetch import DEFAULT_DEADLINE_S, DEFAULT_TIMEOUT_S
from workbench.ingest.read import fetch_web
from workbench.ingest.shards import canonical_url

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)


@dataclass(frozen=True)
class FeedEntry:
    """An article a feed links to: its address as given and in canonical form."""

    link: str
    url: str  # canonical: what "already stored" is decided by
    title: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class FeedAnswer:
    """What a feed held this time, or that it has not changed (``modified`` False)."""

    modified: bool
    title: str | None = None
    entries: tuple[FeedEntry, ...] = ()
    unusable: tuple[str, ...] = ()  # one reason per entry that links to no article
    etag: str | None = None
    last_modified: str | None = None


def fetch_feed(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
    deadline: float = DEFAULT_DEADLINE_S,
    allow_private: bool = False,
) -> FeedAnswer:
    """Fetch the feed at ``url``, conditionally when validators of an earlier answer are
    given. InputError (one line) when it cannot be fetched or is not a feed."""
    validators = {}
    if etag:
        validators["If-None-Match"] = etag
    if last_modified:
        validators["If-Modified-Since"] = last_modified
    answer = fetch_web(
        url,
        FEED_ACCEPT,
        headers=validators,
        timeout=timeout,
        deadline=deadline,
        allow_private=allow_private,
    )
    if answer.status == 304:
        return FeedAnswer(
            False, etag=answer.etag or etag, last_modified=answer.last_modified or last_modified
        )
    title, entries, unusable = parse_feed(answer.data, answer.url, answer.content_type)
    return FeedAnswer(True, title, entries, unusable, answer.etag, answer.last_modified)


def parse_feed(
    data: bytes, base_url: str, content_type: str | None = None
) -> tuple[str | None, tuple[FeedEntry, ...], tuple[str, ...]]:
    """The title, the article entries and the reasons entries were unusable, of an RSS or
    Atom document fetched from ``base_url`` (relative links are resolved against it)."""
    import feedparser

    headers = {"content-location": base_url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        # the XML parser's reason says where a broken feed breaks; others say nothing useful
        detail = f" ({str(reason).splitlines()[0]})" if isinstance(reason, SAXException) else ""
        raise InputError(f"{base_url} is not an RSS or Atom feed{detail}")
    entries: dict[str, FeedEntry] = {}
    unusable: list[str] = []
    for number, item in enumerate(parsed.entries, 1):
        title = _text(item.get("title"))
        link = _link(item)
        label = f"entry {number}" + (f" ({title[:60]})" if title else "")
        if not link:
            unusable.append(f"{label} has no link")
            continue
        link = urljoin(base_url, link)
        if not link.lower().startswith(("http://", "https://")):
            unusable.append(f"{label} links to {link[:80]}, not an http(s) address")
            continue
        url = canonical_url(link)
        entries.setdefault(url, FeedEntry(link, url, title, _text(item.get("published"))))
    return _text(parsed.feed.get("title")), tuple(entries.values()), tuple(unusable)


def _link(item: dict) -> str | None:
    """The entry's article address: its link, else its first alternate link."""
    link = item.get("link")
    if isinstance(link, str) and link.strip():
        return link.strip()
    for candidate in item.get("links", []):
        href = candidate.get("href")
        if candidate.get("rel", "alternate") == "alternate" and isinstance(href, str) and href:
            return href.strip()
    return None


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
