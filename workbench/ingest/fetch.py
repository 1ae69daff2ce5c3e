"""HTTP(S) fetching with the limits a tool fed hostile URLs needs.

- only http and https, also after redirects;
- no loopback, private, link-local or other non-public address unless asked for: the
  check runs on the address actually connected to, so neither a redirect nor a DNS answer
  that changes between look-up and connect gets around it;
- a timeout for each network operation and an overall deadline, so a server that drips
  bytes cannot hold a command forever;
- a size cap.

The standard library's urllib rather than httpx or urllib3: the address check has to run on
the socket actually connected, at every redirect hop, which takes the same connection hook in
either library, and ``ingest URL`` would gain a dependency without gaining a limit.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from email.message import Message
from typing import Any

from workbench.core.errors import InputError

DEFAULT_TIMEOUT_S = 10.0
DEFAULT_DEADLINE_S = 60.0
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Fetched:
    """What a server answered: the final URL after redirects, headers of interest, the body."""

    url: str
    content_type: str | None  # None when the server sent no Content-Type
    charset: str | None
    data: bytes
    status: int = 200  # 304: not modified since the validators sent (``data`` is empty)
    etag: str | None = None
    last_modified: str | None = None


class AddressRefused(InputError):
    """The URL leads to an address on this machine or a private network."""


class NetworkError(InputError):
    """No complete answer: refused, reset, timed out, host not found. Worth trying later."""


class HTTPStatusError(InputError):
    """The server answered with an error status (``status``)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status

    @property
    def transient(self) -> bool:
        """A server error or "too many requests": worth trying later; a 404 is not."""
        return self.status >= 500 or self.status in (408, 429)


def is_public_address(address: str) -> bool:
    """True for a globally routable unicast address (not loopback, private, link-local, …)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _guarded(base: type[http.client.HTTPConnection], allow_private: bool) -> Any:
    """A connection class of ``base`` that checks the peer address right after connecting."""

    class Guarded(base):  # type: ignore[valid-type, misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._create_connection = self._connect_checked

        def _connect_checked(self, address: tuple, timeout: Any, source: Any) -> socket.socket:
            sock = socket.create_connection(address, timeout, source)
            peer = sock.getpeername()[0]
            if not allow_private and not is_public_address(peer):
                sock.close()
                raise AddressRefused(
                    f"refusing to fetch from {self.host}: it is at {peer}, a private or "
                    "local address (pass --allow-private to allow it)"
                )
            return sock

    return Guarded


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, allow_private: bool) -> None:
        super().__init__()
        self._connection = _guarded(http.client.HTTPConnection, allow_private)

    def http_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(self._connection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, allow_private: bool) -> None:
        super().__init__()
        self._connection = _guarded(http.client.HTTPSConnection, allow_private)

    def https_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(self._connection, req, context=self._context)


class _SafeRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s) URLs."""

    def http_error_302(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Message
    ) -> Any:
        target = headers.get("Location") or headers.get("URI")
        if target:
            scheme = urllib.parse.urlparse(urllib.parse.urljoin(req.full_url, target)).scheme
            if scheme.lower() not in ("http", "https"):
                fp.close()
                raise InputError(
                    f"cannot fetch {req.full_url}: redirected to a {scheme.lower()}: URL"
                )
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def fetch(
    url: str,
    *,
    headers: dict[str, str],
    max_bytes: int,
    too_big: Any,
    timeout: float = DEFAULT_TIMEOUT_S,
    deadline: float = DEFAULT_DEADLINE_S,
    allow_private: bool = False,
) -> Fetched:
    """GET ``url`` within ``deadline`` seconds in all; ``too_big(size)`` raises past the cap.

    Network failures, time-outs, refused addresses and HTTP error statuses become InputError,
    except 304 Not Modified (the answer to ``If-None-Match`` / ``If-Modified-Since``
    headers), returned with ``status`` 304 and no data.
    """
    started = time.monotonic()
    opener = urllib.request.build_opener(
        _HTTPHandler(allow_private), _HTTPSHandler(allow_private), _SafeRedirects()
    )
    request = urllib.request.Request(url, headers=headers)
    try:
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.strip().isdigit():
                too_big(int(length))
            chunks: list[bytes] = []
            size = 0
            while size <= max_bytes:
                if time.monotonic() - started > deadline:
                    raise NetworkError(
                        f"cannot fetch {url}: no complete answer within {deadline:g} s"
                    )
                chunk = response.read1(_CHUNK)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
            data = b"".join(chunks)
            return Fetched(
                url=response.geturl() or url,
                content_type=response.headers.get_content_type()
                if response.headers.get("Content-Type") is not None
                else None,
                charset=response.headers.get_content_charset(),
                data=data,
                etag=response.headers.get("ETag"),
                last_modified=response.headers.get("Last-Modified"),
            )
    except InputError:
        raise
    except urllib.error.HTTPError as exc:
        exc.close()
        if exc.code == 304:  # the answer to a conditional GET: what we have is current
            return Fetched(url, None, None, b"", status=304, etag=exc.headers.get("ETag"),
                           last_modified=exc.headers.get("Last-Modified"))  # fmt: skip
        message = f"cannot fetch {url}: HTTP {exc.code} {exc.reason}".rstrip()
        raise HTTPStatusError(message, exc.code) from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, ValueError):
            raise InputError(f"cannot fetch {url}: {net_reason(exc.reason, timeout)}") from None
        raise NetworkError(f"cannot fetch {url}: {net_reason(exc.reason, timeout)}") from None
    except ValueError as exc:
        raise InputError(f"cannot fetch {url}: {net_reason(exc, timeout)}") from None
    except (OSError, http.client.HTTPException) as exc:
        raise NetworkError(f"cannot fetch {url}: {net_reason(exc, timeout)}") from None


def os_reason(err: OSError) -> str:
    """The operating system's reason, lower-cased: "no such file or directory"."""
    text = err.strerror or str(err) or type(err).__name__
    return text.lower() if text[:1].isupper() else text


def net_reason(reason: object, timeout: float) -> str:
    """A short, lower-case reason for a network failure."""
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, socket.gaierror):
        return "host not found"
    if isinstance(reason, ssl.SSLError):
        return f"TLS error ({reason.reason or reason})"
    if isinstance(reason, ConnectionResetError):
        return "connection reset by the server"
    if isinstance(reason, http.client.IncompleteRead):
        return "the server closed the connection mid-response"
    if isinstance(reason, http.client.RemoteDisconnected):
        return "the server closed the connection without a response"
    if isinstance(reason, ValueError):
        return f"invalid URL ({reason})"
    if isinstance(reason, OSError) and reason.strerror:
        return os_reason(reason)
    text = str(reason).strip()
    return text.splitlines()[0] if text else type(reason).__name__
