"""A small news site on a loopback address for feed tests and the watch benchmark: feeds and
article pages from a dict (a query string is ignored unless a page has it), conditional
answers (ETag, Last-Modified), pages that never answer, and a log of every request."""

from __future__ import annotations

import html
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


@dataclass
class Page:
    body: bytes
    content_type: str | None = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    status: int = 200
    hang: float = 0.0  # seconds to wait before closing the connection without an answer
    slow: float = 0.0  # seconds to wait before answering
    headers: dict[str, str] = field(default_factory=dict)  # e.g. Location of a redirect


@dataclass
class Site:
    pages: dict[str, Page] = field(default_factory=dict)
    log: list[tuple[str, float, dict[str, str]]] = field(default_factory=list)
    base: str = ""

    def requests(self, path: str) -> list[dict[str, str]]:
        """The headers of each request for ``path``, in order."""
        return [headers for p, _, headers in self.log if p == path]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.log.append((self.path, time.monotonic(), dict(self.headers.items())))
            page = site.pages.get(self.path) or site.pages.get(urlsplit(self.path).path)
            if page is None:
                self._answer(404, "text/html", b"<html><body>Not here</body></html>")
                return
            if page.hang:
                time.sleep(page.hang)
                return
            time.sleep(page.slow)
            fresh = (page.etag and self.headers.get("If-None-Match") == page.etag) or (
                page.last_modified and self.headers.get("If-Modified-Since") == page.last_modified
            )
            extra = {"ETag": page.etag, "Last-Modified": page.last_modified, **page.headers}
            if fresh:
                self._answer(304, None, b"", extra)
                return
            self._answer(page.status, page.content_type, page.body, extra)

        def _answer(
            self, status: int, ctype: str | None, body: bytes, extra: dict | None = None
        ) -> None:
            self.send_response(status)
            if ctype:
                self.send_header("Content-Type", ctype)
            for key, value in (extra or {}).items():
                if value:
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serve(site: Site, host: str = "127.0.0.1") -> Iterator[Site]:
    """Serve ``site`` on ``host`` (a free port) until the block ends; ``site.base`` is set."""
    httpd = ThreadingHTTPServer((host, 0), _handler(site))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    site.base = f"http://{host}:{httpd.server_address[1]}"
    try:
        yield site
    finally:
        httpd.shutdown()
        httpd.server_close()


def article_page(title: str, paragraphs: Sequence[str]) -> Page:
    """An article page as a news site serves it: a header, the story, a footer."""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    text = (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{html.escape(title)}</h1>{body}</article>"
        "<footer>Support our journalism: subscribe today.</footer></body></html>"
    )
    return Page(text.encode("utf-8"))


def rss(title: str, items: Sequence[tuple[str, str | None]], **page: object) -> Page:
    """An RSS 2.0 feed of (title, link) items; a None link leaves the item without one."""
    entries = "".join(
        f"<item><title>{html.escape(t)}</title>"
        + (f"<link>{html.escape(link)}</link>" if link is not None else "")
        + "<pubDate>Wed, 02 Dec 2026 08:00:00 GMT</pubDate></item>"
        for t, link in items
    )
    text = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{html.escape(title)}</title><link>https://example.org/</link>"
        f"<description>News</description>{entries}</channel></rss>"
    )
    return Page(text.encode("utf-8"), "application/rss+xml; charset=utf-8", **page)  # type: ignore[arg-type]


def atom(title: str, items: Sequence[tuple[str, str]], **page: object) -> Page:
    """An Atom 1.0 feed of (title, href) entries."""
    entries = "".join(
        f"<entry><title>{html.escape(t)}</title><id>urn:x:{i}</id>"
        f'<link rel="alternate" href="{html.escape(href)}"/>'
        "<updated>2026-12-02T08:00:00Z</updated></entry>"
        for i, (t, href) in enumerate(items)
    )
    text = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{html.escape(title)}</title><id>urn:x:feed</id>"
        f"<updated>2026-12-02T08:00:00Z</updated>{entries}</feed>"
    )
    return Page(text.encode("utf-8"), "application/atom+xml; charset=utf-8", **page)  # type: ignore[arg-type]
