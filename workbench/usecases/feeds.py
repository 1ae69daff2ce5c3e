"""Following news feeds: a few checks and one event, in one write transaction."""

from __future__ import annotations

import hashlib

from workbench.core.errors import WorkbenchError
from workbench.core.values import Feed
from workbench.ingest.read import check_web_url
from workbench.ingest.shards import canonical_url
from workbench.store import Store


class FeedError(WorkbenchError):
    """A feed that cannot be added or removed as asked."""


def feed_id(url: str) -> str:
    """A feed's id: the same address gives the same id in every copy of a database."""
    return hashlib.sha256(canonical_url(url).encode("utf-8")).hexdigest()[:12]


def add_feed(
    store: Store, url: str, actor: str, *, name: str | None = None, outlet: str | None = None
) -> Feed:
    """Follow the RSS or Atom feed at ``url`` (an http(s) address); FeedError when it is
    followed already."""
    url = url.strip()
    check_web_url(url, refusal="cannot follow")
    fid = feed_id(url)
    with store.transaction():
        if store.has_feed(fid):
            raise FeedError(f"{url} is followed already (feed {fid})")
        payload = {"url": url, "name": _clean(name), "outlet": _clean(outlet)}
        store.append("feed.added", fid, {k: v for k, v in payload.items() if v}, actor)
        return store.feed(fid)


def remove_feed(store: Store, ref: str, actor: str) -> Feed:
    """Stop following a feed (by id, id prefix or URL). Its articles stay."""
    with store.transaction():
        feed = store.feed(ref)
        store.append("feed.removed", feed.id, {"url": feed.url}, actor)
        return feed


def _clean(value: str | None) -> str | None:
    """The value with runs of white space folded; None when nothing is left."""
    return (" ".join(value.split()) or None) if value else None
