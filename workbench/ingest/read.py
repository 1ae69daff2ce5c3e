"""Read article sources (files, folders, URLs, stdin) into :class:`Document` values.

Everything that can go wrong with user input surfaces as :class:`InputError` with a
one-line message. The module stays cheap to import: trafilatura is only imported when
HTML is actually processed.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from workbench import __version__
from workbench.core.errors import InputError
from workbench.core.values import Document
from workbench.ingest.decoding import declared_charset, decode, source_name
from workbench.ingest.fetch import (
    DEFAULT_DEADLINE_S,
    DEFAULT_TIMEOUT_S,
    Fetched,
    fetch,
    os_reason,
)
from workbench.ingest.html_text import XML_DECL_RE, html_to_text, markup_errors, trafilatura_module
from workbench.ingest.markdown import markdown_to_text, parse_front_matter
from workbench.ingest.shards import Shard, canonical_url, file_key

Format = Literal["text", "markdown", "html"]

MAX_BYTES = 5 * 1024 * 1024
"""Largest source (in bytes) we accept from a file, a URL or stdin."""

SUFFIXES: dict[str, Format] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
USER_AGENT = f"workbench/{__version__}"

_EXPECTED = "expected .txt, .md, .html"
_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):")


# --------------------------------------------------------------------------- entry point


@dataclass(frozen=True)
class Reading:
    """What a set of sources held: the articles read, a one-line error for each source that
    could not be read, and the files in folders that are not articles."""

    documents: tuple[Document, ...]
    errors: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()  # e.g. report.pdf in a folder of articles


def read_sources(
    specs: Sequence[str],
    *,
    stdin: BinaryIO | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
    allow_private: bool = False,
) -> list[Document]:
    """Read every source in ``specs`` and return one Document per article, in order.

    A spec is ``-`` (stdin), an ``http://`` or ``https://`` URL, a file, or a folder
    (walked recursively for .txt/.md/.html files). Raises InputError for the first source
    that cannot be read or is not an article (:func:`read_all` reports every one).
    """
    reading = read_all(specs, stdin=stdin, timeout=timeout, allow_private=allow_private)
    if reading.errors:
        raise InputError(reading.errors[0])
    return list(reading.documents)


def read_all(
    specs: Sequence[str],
    *,
    stdin: BinaryIO | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
    allow_private: bool = False,
    shard: Shard | None = None,
) -> Reading:
    """Read every source in ``specs``, going on past the ones that fail, so a folder with
    three bad files says so once, naming all three.

    With ``shard``, only the inputs in that share are read (see :mod:`.shards`); the others
    are not fetched or opened at all.
    """
    documents: list[Document] = []
    errors: list[str] = []
    skipped: list[str] = []
    if shard is not None and "-" in specs:
        raise InputError("standard input cannot be sharded: give files, folders or URLs")
    for spec in specs:
        try:
            if spec == "-":
                stream = stdin if stdin is not None else sys.stdin.buffer
                documents.append(read_stream(stream, "-"))
            elif _is_url(spec):
                if shard is not None and not shard.takes(canonical_url(spec)):
                    continue
                documents.append(read_url(spec, timeout=timeout, allow_private=allow_private))
            elif os.path.isdir(spec):
                folder = _read_folder(Path(spec), spec, shard)
                documents += folder.documents
                errors += folder.errors
                skipped += folder.skipped
            else:
                if shard is not None and not shard.takes(file_key(Path(spec))):
                    continue
                documents.extend(read_path(spec))
        except InputError as err:
            errors.append(str(err))
    return Reading(tuple(documents), tuple(errors), tuple(skipped))


def _is_url(spec: str) -> bool:
    """True for anything with a URL scheme that is not an existing local path."""
    match = _SCHEME_RE.match(spec)
    if not match:
        return False
    if match.group(1).lower() in ("http", "https"):
        return True
    return not os.path.lexists(spec)


# --------------------------------------------------------------------------- stdin


def read_stream(stream: BinaryIO, source: str = "-") -> Document:
    """Read one article from a binary stream (stdin); the format is sniffed."""
    try:
        data = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(f"cannot read {source_name(source)}: {_reason(exc)}") from None
    if data is None:
        data = b""
    if isinstance(data, str):  # a text stream slipped through; accept it
        data = data.encode("utf-8")
    check_size(len(data), source)
    text = decode(data, source)
    return _build(text, source, _sniff_format(text))


def _sniff_format(text: str) -> Format:
    head = text.lstrip()[:1000].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or re.search(
        r"<(?:head|body|article|p)[\s>]", head
    ):
        return "html"
    if head.startswith("---\n") or re.match(r"#{1,6}\s", head):
        return "markdown"
    return "text"


# --------------------------------------------------------------------------- paths


def read_path(path: str | os.PathLike[str]) -> list[Document]:
    """Read a file (one Document) or a folder (one Document per usable file, sorted).

    In a folder only .txt, .md/.markdown and .html/.htm files are taken; hidden files
    and folders are skipped. A file named explicitly must have one of those extensions.
    """
    p = Path(path)
    name = os.fspath(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError(f"no such file: {name}") from None
    except NotADirectoryError:
        raise InputError(f"no such file: {name}") from None
    except OSError as exc:
        raise InputError(f"cannot read {name}: {_reason(exc)}") from None
    if stat.S_ISDIR(st.st_mode):
        folder = _read_folder(p, name)
        if folder.errors:
            raise InputError(folder.errors[0])
        return list(folder.documents)
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES:
        if suffix:
            raise InputError(f"unsupported file type '{suffix}' for {name} ({_EXPECTED})")
        raise InputError(f"unsupported file type (no extension) for {name} ({_EXPECTED})")
    return [_read_file(p, name)]


def _read_folder(root: Path, name: str, shard: Shard | None = None) -> Reading:
    """Every article file under ``root`` (in ``shard``, if given), going on past the ones
    that cannot be read; an unreadable folder, or one without articles, raises InputError."""
    files, others = _walk_folder(root, name)
    if not files:
        raise InputError(f"no .txt, .md or .html files in folder {name}")
    if shard is not None:
        files = [f for f in files if shard.takes(file_key(f, root))]
    documents, errors = [], []
    for f in files:
        try:
            documents.append(_read_file(f, os.fspath(f)))
        except InputError as err:
            errors.append(str(err))
    return Reading(tuple(documents), tuple(errors), tuple(others))


def _walk_folder(root: Path, name: str) -> tuple[list[Path], list[str]]:
    """The article files under ``root`` in order, and the other (not hidden) files."""
    found: list[Path] = []
    others: list[str] = []

    def on_error(exc: OSError) -> None:
        raise InputError(f"cannot read folder {exc.filename or name}: {_reason(exc)}")

    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in filenames:
            if filename.startswith("."):
                continue
            if Path(filename).suffix.lower() in SUFFIXES:
                found.append(Path(dirpath) / filename)
            else:
                others.append(os.fspath(Path(dirpath) / filename))
    return sorted(found, key=lambda f: f.relative_to(root).parts), sorted(others)


def _read_file(path: Path, name: str) -> Document:
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"cannot read {name}: not a regular file")
        check_size(st.st_size, name)
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except InputError:
        raise
    except OSError as exc:
        raise InputError(f"cannot read {name}: {_reason(exc)}") from None
    check_size(len(data), name)
    fmt = SUFFIXES[path.suffix.lower()]
    text = decode(data, name, charset=declared_charset(data) if fmt == "html" else None)
    return _build(text, name, fmt)


def check_size(size: int, source: str) -> None:
    """InputError when ``size`` bytes from ``source`` pass the limit for one source."""
    if size > MAX_BYTES:
        mib = 1024 * 1024
        limit = f"{MAX_BYTES / mib:g} MB" if mib <= MAX_BYTES else f"{MAX_BYTES}-byte"
        raise InputError(f"{source_name(source)} is larger than the {limit} limit for one article")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a folder"
    if isinstance(exc, OSError) and exc.strerror:
        return os_reason(exc)
    return str(exc) or type(exc).__name__


# --------------------------------------------------------------------------- URLs


def read_url(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT_S,
    deadline: float = DEFAULT_DEADLINE_S,
    allow_private: bool = False,
) -> Document:
    """Fetch an http:// or https:// URL and return its article text.

    Any other scheme (file:, ftp:, javascript:, ...) is refused, and so are addresses on
    this machine or a private network unless ``allow_private``. Network failures,
    time-outs (``timeout`` per operation, ``deadline`` in all) and HTTP error statuses
    become InputError.
    """
    answer = fetch_page(url, timeout=timeout, deadline=deadline, allow_private=allow_private)
    return page_document(answer, url)


def fetch_page(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT_S,
    deadline: float = DEFAULT_DEADLINE_S,
    allow_private: bool = False,
) -> Fetched:
    """The network half of :func:`read_url`: fetch the page, read nothing from it yet."""
    return fetch_web(
        url,
        "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
        timeout=timeout,
        deadline=deadline,
        allow_private=allow_private,
    )


def page_document(answer: Fetched, url: str) -> Document:
    """The other half of :func:`read_url`: the article text of a fetched page."""
    fmt = _format_for_content_type(answer.content_type, url)
    charset = answer.charset or (declared_charset(answer.data) if fmt != "text" else None)
    text = decode(answer.data, url, charset=charset)
    if fmt is None:
        fmt = _sniff_format(text)
    return _build(text, url, fmt, url=answer.url)


def fetch_web(
    url: str,
    accept: str,
    *,
    headers: dict[str, str] | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
    deadline: float = DEFAULT_DEADLINE_S,
    allow_private: bool = False,
) -> Fetched:
    """GET an http(s) ``url`` with the limits of every source: the scheme checked first,
    our User-Agent, the size cap (a 304 has no body to check). InputError otherwise."""
    check_web_url(url)
    answer = fetch(
        url,
        headers={"User-Agent": USER_AGENT, "Accept": accept, **(headers or {})},
        max_bytes=MAX_BYTES,
        too_big=lambda size: check_size(size, url),
        timeout=timeout,
        deadline=deadline,
        allow_private=allow_private,
    )
    if answer.status != 304:
        check_size(len(answer.data), url)
    return answer


def check_web_url(url: str, refusal: str = "refusing to fetch") -> None:
    """InputError unless ``url`` is an http:// or https:// address (file:, ftp:,
    javascript: and the rest are refused before anything is fetched); the message starts
    with ``refusal`` and the URL."""
    match = _SCHEME_RE.match(url)
    scheme = match.group(1).lower() if match else ""
    if scheme not in ("http", "https"):
        shown = f"'{scheme}:'" if scheme else "(none)"
        raise InputError(
            f"{refusal} {url}: URL scheme {shown} is not allowed (only http and https)"
        )


def _format_for_content_type(content_type: str | None, url: str) -> Format | None:
    if content_type is None or content_type == "application/octet-stream":
        return None  # sniff
    if content_type in ("text/html", "application/xhtml+xml"):
        return "html"
    if content_type in ("text/markdown", "text/x-markdown"):
        return "markdown"
    if content_type.startswith("text/"):
        return "text"
    raise InputError(
        f"cannot use {url}: it is {content_type}, not an article (expected HTML or plain text)"
    )


# --------------------------------------------------------------------------- formats


def _build(text: str, source: str, fmt: Format, *, url: str | None = None) -> Document:
    if fmt == "html":
        return _html_document(text, source, url)
    if fmt == "markdown":
        return _markdown_document(text, source, url)
    return _text_document(text, source, url)


def _finish(text: str, source: str) -> str:
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    if not text.strip():
        raise InputError(f"{source_name(source)} is empty")
    return text


# Plain text: an optional leading "date 2025-09-02" / "Date: 2025-09-02" line.
_DATE_LINE_RE = re.compile(
    r"^[ \t]*(?:date|published)[ \t]*:?[ \t]*"
    r"(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)\b[ \t]*",
    re.IGNORECASE,
)


def _text_document(text: str, source: str, url: str | None) -> Document:
    published = None
    body = text.lstrip("\n")
    match = _DATE_LINE_RE.match(body)
    if match:
        published = match.group(1)
        body = body[match.end() :]
    return Document(
        text=_finish(body, source), source=source, format="text", url=url, published=published
    )


# Markdown ----------------------------------------------------------------------------


def _markdown_document(text: str, source: str, url: str | None) -> Document:
    fields, body = parse_front_matter(text)
    prose, heading = markdown_to_text(body)
    title = fields.get("title") or heading
    if heading and title and heading != title:
        # a leading H1 that is not the title is ordinary text
        prose = f"{heading}\n\n{prose}" if prose else heading
    return Document(
        text=_finish(prose, source),
        source=source,
        format="markdown",
        title=title,
        outlet=fields.get("outlet"),
        url=fields.get("url") or url,
        published=fields.get("published"),
    )


# HTML --------------------------------------------------------------------------------


def _html_document(html: str, source: str, url: str | None) -> Document:
    text = html_to_text(html, source, url=url)
    meta: dict[str, str | None] = {}
    trafilatura = trafilatura_module()
    try:
        found = trafilatura.extract_metadata(XML_DECL_RE.sub("", html, count=1), url)
        if found is not None:
            meta = {
                "title": found.title,
                "outlet": found.sitename,
                "published": found.date,
                "url": found.url,
            }
    except markup_errors():  # metadata is optional; odd markup must not stop the ingest
        meta = {}
    title = _clean_meta(meta.get("title"))
    if title:
        # trafilatura usually repeats the headline as the first line of the text
        first, _, rest = text.partition("\n\n")
        if first.strip() == title and rest.strip():
            text = rest
    return Document(
        text=_finish(text, source),
        source=source,
        format="html",
        title=title,
        outlet=_clean_meta(meta.get("outlet")),
        url=url or _clean_meta(meta.get("url")),
        published=_clean_meta(meta.get("published")),
    )


def _clean_meta(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def read_sample() -> list[Document]:
    """The bundled sample article, read as any Markdown file is (``--sample``, first run)."""
    from importlib.resources import as_file, files

    with as_file(files("workbench.data") / "sample_article.md") as path:
        return read_sources([str(path)])
