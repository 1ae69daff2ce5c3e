"""Evidence sources: URL validation and the notion of independent sources."""

from __future__ import annotations

from urllib.parse import urlsplit

from workbench.core.errors import WorkbenchError

# Second-level labels under which registrations happen one level deeper (bbc.co.uk, abc.net.au).
_SECOND_LEVEL = {"co", "com", "net", "org", "gov", "ac", "edu", "gob", "go", "or", "ne"}


class SourceError(WorkbenchError):
    """A source is not acceptable evidence (e.g. not an http(s) URL)."""


def web_url(url: str | None) -> str | None:
    """``url``, stripped, when it is an http(s) address a reader can follow, else None
    ("javascript:…" and other schemes never become links)."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def check_url(url: str) -> str:
    """The URL, stripped, if it is an absolute http(s) URL with a host; else SourceError."""
    cleaned = url.strip()
    if any(ch.isspace() or ord(ch) < 32 for ch in cleaned):
        raise SourceError(f"source '{url}' contains spaces or control characters")
    try:
        parts = urlsplit(cleaned)
        host = parts.hostname
    except ValueError:
        raise SourceError(f"source '{url}' is not a valid URL") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise SourceError(f"source '{url}' must be an http(s) URL")
    if not host:
        raise SourceError(f"source '{url}' has no host name")
    return cleaned


def outlet_of(url: str) -> str:
    """The registrable domain of a URL: what makes two sources independent of each other.

    ``https://www.bbc.co.uk/news/1`` and ``https://bbc.co.uk/x`` are the same outlet;
    ``reuters.com`` and ``apnews.com`` are two. A heuristic without the public suffix list.
    """
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    labels = host.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def independent_count(urls: list[str]) -> int:
    """How many distinct outlets the URLs come from."""
    return len({outlet_of(u) for u in urls})
