"""What a site's robots.txt lets ``workbench watch`` fetch (RFC 9309), read once per host per
check through the limits of ``ingest URL`` and parsed by the standard library."""

from __future__ import annotations

import threading
import urllib.robotparser
from collections.abc import Callable
from urllib.parse import urlsplit

from workbench.ingest.fetch import HTTPStatusError, NetworkError, fetch
from workbench.ingest.read import USER_AGENT

MAX_ROBOTS_BYTES = 512 * 1024  # RFC 9309: parse at least 500 KiB


class RobotsUnreachable(NetworkError):
    """The site's robots.txt could not be read for a reason that may pass: until it can,
    RFC 9309 says to fetch nothing there."""


class RobotsRules:
    """robots.txt of each site, fetched the first time one of its pages is asked about."""

    def __init__(
        self,
        *,
        timeout: float,
        allow_private: bool = False,
        wait: Callable[[str], None] = lambda url: None,
    ) -> None:
        self.timeout = timeout
        self.allow_private = allow_private
        self.wait = wait  # called with robots.txt's address before it is fetched (politeness)
        self._sites: dict[str, urllib.robotparser.RobotFileParser | RobotsUnreachable | None] = {}
        self._lock = threading.Lock()

    def allows(self, url: str) -> bool:
        """Whether robots.txt lets us fetch ``url``; RobotsUnreachable when it cannot be read
        now (a time-out, a 5xx)."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        with self._lock:  # one read per site, even with several fetchers
            if site not in self._sites:
                try:
                    self._sites[site] = self._read(site)
                except RobotsUnreachable as err:
                    self._sites[site] = err  # not asked again in this check
            rules = self._sites[site]
        if isinstance(rules, RobotsUnreachable):
            raise RobotsUnreachable(str(rules))
        return rules is None or rules.can_fetch(USER_AGENT, url)

    def _read(self, site: str) -> urllib.robotparser.RobotFileParser | None:
        """The site's rules; None (everything allowed) when it has no robots.txt."""
        address = f"{site}/robots.txt"
        self.wait(address)
        try:
            answer = fetch(
                address,
                headers={"User-Agent": USER_AGENT, "Accept": "text/plain"},
                max_bytes=MAX_ROBOTS_BYTES,
                too_big=lambda size: None,  # longer files are read up to the cap
                timeout=self.timeout,
                deadline=self.timeout * 2,
                allow_private=self.allow_private,
            )
        except HTTPStatusError as err:
            if err.transient:
                raise RobotsUnreachable(f"{address} did not answer ({err})") from None
            return None  # 4xx: no rules
        except NetworkError as err:
            raise RobotsUnreachable(str(err)) from None
        rules = urllib.robotparser.RobotFileParser(address)
        text = answer.data[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
        rules.parse(text.splitlines())
        return rules
