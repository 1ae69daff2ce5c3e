"""Read article sources (files, folders, URLs, stdin) into :class:`Document` values.

Everything that can go wrong with user input surfaces as :class:`InputError` with a
one-line message. The module stays cheap to import: trafilatura is only imported when
HTML is actually processed.
"""

from __future__ import annotations

import codecs
import contextlib
import logging
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Literal

from workbench import __version__
from workbench.errors import InputError, MissingDependencyError
from workbench.fetch import DEFAULT_DEADLINE_S, DEFAULT_TIMEOUT_S, fetch, os_reason
from workbench.models import Document

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
# Share of control characters above which decoded text is treated as binary.
_CONTROL_SHARE = 0.02


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
) -> Reading:
    """Read every source in ``specs``, going on past the ones that fail, so a folder with
    three bad files says so once, naming all three."""
    documents: list[Document] = []
    errors: list[str] = []
    skipped: list[str] = []
    for spec in specs:
        try:
            if spec == "-":
                stream = stdin if stdin is not None else sys.stdin.buffer
                documents.append(read_stream(stream, "-"))
            elif _is_url(spec):
                documents.append(read_url(spec, timeout=timeout, allow_private=allow_private))
            elif os.path.isdir(spec):
                files, others = _walk_folder(Path(spec), spec)
                skipped += others
                if not files:
                    raise InputError(f"no .txt, .md or .html files in folder {spec}")
                for f in files:
                    try:
                        documents.append(_read_file(f, os.fspath(f)))
                    except InputError as err:
                        errors.append(str(err))
            else:
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
        raise InputError(f"cannot read {_stdin_name(source)}: {_reason(exc)}") from None
    if data is None:
        data = b""
    if isinstance(data, str):  # a text stream slipped through; accept it
        data = data.encode("utf-8")
    _check_size(len(data), source)
    text = decode(data, source)
    return _build(text, source, _sniff_format(text))


def _stdin_name(source: str) -> str:
    return "standard input" if source == "-" else source


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
        files, _ = _walk_folder(p, name)
        if not files:
            raise InputError(f"no .txt, .md or .html files in folder {name}")
        return [_read_file(f, os.fspath(f)) for f in files]
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES:
        if suffix:
            raise InputError(f"unsupported file type '{suffix}' for {name} ({_EXPECTED})")
        raise InputError(f"unsupported file type (no extension) for {name} ({_EXPECTED})")
    return [_read_file(p, name)]


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
        _check_size(st.st_size, name)
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except InputError:
        raise
    except OSError as exc:
        raise InputError(f"cannot read {name}: {_reason(exc)}") from None
    _check_size(len(data), name)
    fmt = SUFFIXES[path.suffix.lower()]
    text = decode(data, name, charset=_declared_charset(data) if fmt == "html" else None)
    return _build(text, name, fmt)


def _check_size(size: int, source: str) -> None:
    if size > MAX_BYTES:
        mib = 1024 * 1024
        limit = f"{MAX_BYTES / mib:g} MB" if mib <= MAX_BYTES else f"{MAX_BYTES}-byte"
        raise InputError(f"{_stdin_name(source)} is larger than the {limit} limit for one article")


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
    match = _SCHEME_RE.match(url)
    scheme = match.group(1).lower() if match else ""
    if scheme not in ("http", "https"):
        shown = f"'{scheme}:'" if scheme else "(none)"
        raise InputError(
            f"refusing to fetch {url}: URL scheme {shown} is not allowed (only http and https)"
        )
    answer = fetch(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
        },
        max_bytes=MAX_BYTES,
        too_big=lambda size: _check_size(size, url),
        timeout=timeout,
        deadline=deadline,
        allow_private=allow_private,
    )
    _check_size(len(answer.data), url)
    fmt = _format_for_content_type(answer.content_type, url)
    charset = answer.charset or (_declared_charset(answer.data) if fmt != "text" else None)
    text = decode(answer.data, url, charset=charset)
    if fmt is None:
        fmt = _sniff_format(text)
    return _build(text, url, fmt, url=answer.url)


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


# --------------------------------------------------------------------------- decoding

_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET_RE.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def decode(data: bytes, source: str, *, charset: str | None = None) -> str:
    """Decode raw bytes to text with ``\\n`` newlines; raise InputError for binary/empty data.

    Order: a byte-order mark (UTF-8, UTF-16, UTF-32) wins; then strict UTF-8; then the
    ``charset`` declared by the server or page, if any; then Windows-1252 when the bytes
    decode cleanly as such.
    """
    name = _stdin_name(source)
    text: str | None = None
    boms = (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    )
    for bom, codec in boms:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                raise InputError(
                    f"{name} starts with a {codec.upper().removesuffix('-SIG')} byte-order mark "
                    "but is not valid in that encoding"
                ) from None
            break
    if text is None and charset and _is_wide(charset):
        with contextlib.suppress(UnicodeDecodeError, LookupError):
            text = data.decode(charset)
    if text is None:
        if b"\x00" in data:
            raise InputError(f"{name} looks like a binary file, not an article")
        text = _decode_unmarked(data, charset)
        if text is None:
            raise InputError(
                f"{name} is not valid UTF-8 or Windows-1252 text; save it as UTF-8 and try again"
            )
    text = text.lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    if _looks_binary(text):
        raise InputError(f"{name} looks like a binary file, not an article")
    if not text.strip():
        raise InputError(f"{name} is empty")
    return text


def _is_wide(charset: str) -> bool:
    try:
        return codecs.lookup(charset).name.startswith(("utf-16", "utf-32"))
    except LookupError:
        return False


def _decode_unmarked(data: bytes, charset: str | None) -> str | None:
    candidates = ["utf-8"]
    if charset:
        with contextlib.suppress(LookupError):
            candidates.append(codecs.lookup(charset).name)
    candidates.append("cp1252")
    for codec in candidates:
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:65536]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ch not in "\n\t\f\v" and unicodedata.category(ch) == "Cc")
    return controls > 0 and controls / len(sample) > _CONTROL_SHARE


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
        raise InputError(f"{_stdin_name(source)} is empty")
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

_FRONT_KEYS = {
    "title": "title",
    "headline": "title",
    "outlet": "outlet",
    "publisher": "outlet",
    "site": "outlet",
    "source": "outlet",
    "url": "url",
    "link": "url",
    "canonical": "url",
    "published": "published",
    "date": "published",
}


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split a leading ``---`` front matter block into (fields, body).

    Only simple ``key: value`` lines are understood; recognised keys are mapped to
    Document field names (title, outlet, url, published). Without a closed block the
    text is returned unchanged.
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        return {}, text
    fields: dict[str, str] = {}
    for line in lines[1:end]:
        key, sep, value = line.partition(":")
        if not sep:
            continue
        field = _FRONT_KEYS.get(key.strip().lower())
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1].strip()
        if field and value and field not in fields:
            fields[field] = value
    return fields, "\n".join(lines[end + 1 :])


_HEADING_RE = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_SETEXT_RE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_RULE_RE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_FENCE_RE = re.compile(r"^ {0,3}(?:```|~~~)")
_LIST_RE = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+")
_QUOTE_RE = re.compile(r"^ {0,3}(?:>[ \t]?)+")
_REFDEF_RE = re.compile(r"^ {0,3}\[[^\[\]]{1,500}\]:[ \t]*\S+.*$")
_IMAGE_RE = re.compile(r"!\[[^\[\]]{0,500}\](?:\([^()]{0,2000}\)|\[[^\[\]]{0,500}\])")
_LINK_RE = re.compile(
    r"\[([^\[\]]{1,500})\]\((?:[^()\s]|\([^()\s]{0,200}\)){0,2000}(?:[ \t]+\"[^\"]{0,500}\")?\)"
)
_REFLINK_RE = re.compile(r"\[([^\[\]]{1,500})\]\[[^\[\]]{0,500}\]")
_AUTOLINK_RE = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_STRONG_RE = re.compile(r"(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)\1")
_EM_STAR_RE = re.compile(r"(?<![\w*])\*(?=[^\s*])(.{1,300}?)(?<=[^\s*])\*(?![\w*])")
_EM_UNDER_RE = re.compile(r"(?<![\w_])_(?=[^\s_])(.{1,300}?)(?<=[^\s_])_(?![\w_])")
_STRIKE_RE = re.compile(r"~~(?=\S)(.{1,300}?)(?<=\S)~~")
_CODE_RE = re.compile(r"`{1,3}([^`]{1,300})`{1,3}")
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")


def _inline_markdown(line: str) -> str:
    line = _IMAGE_RE.sub("", line)
    line = _LINK_RE.sub(r"\1", line)
    line = _REFLINK_RE.sub(r"\1", line)
    line = _AUTOLINK_RE.sub(r"\1", line)
    line = _CODE_RE.sub(r"\1", line)
    line = _STRONG_RE.sub(r"\2", line)
    line = _EM_STAR_RE.sub(r"\1", line)
    line = _EM_UNDER_RE.sub(r"\1", line)
    line = _STRIKE_RE.sub(r"\1", line)
    return _ESCAPE_RE.sub(r"\1", line)


def _strip_comments(text: str) -> str:
    """Remove ``<!-- ... -->`` comments (an unclosed one runs to the end)."""
    parts: list[str] = []
    pos = 0
    while (start := text.find("<!--", pos)) >= 0:
        parts.append(text[pos:start])
        end = text.find("-->", start + 4)
        pos = len(text) if end < 0 else end + 3
    parts.append(text[pos:])
    return "".join(parts)


def markdown_to_text(body: str) -> tuple[str, str | None]:
    """Turn Markdown into plain prose; return (text, first level-1 heading or None).

    Paragraph lines are joined with spaces, headings and list items become their own
    paragraphs, and link/emphasis syntax is reduced to its text. The first ``# Heading``
    (if it opens the document) is removed from the text and returned separately.
    """
    body = _strip_comments(body)
    paragraphs: list[str] = []
    current: list[str] = []
    heading: str | None = None
    seen_content = False
    in_fence = False

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    lines = body.split("\n")
    for raw in lines:
        if _FENCE_RE.match(raw):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            if raw.strip():
                paragraphs.append(raw.strip())
            continue
        line = _QUOTE_RE.sub("", raw)
        if not line.strip():
            flush()
            continue
        if _REFDEF_RE.match(line):
            continue
        if current and _SETEXT_RE.match(line):
            # the previous lines were a setext heading; the underline goes
            flush()
            seen_content = True
            continue
        if _RULE_RE.match(line):
            flush()
            continue
        h = _HEADING_RE.match(line)
        if h:
            flush()
            content = _inline_markdown(line[h.end() :].strip().rstrip("#").strip())
            if content:
                if not seen_content and heading is None and len(h.group(1)) == 1:
                    heading = content
                else:
                    paragraphs.append(content)
            seen_content = True
            continue
        seen_content = True
        item = _LIST_RE.match(line)
        if item and current and item.group(0).strip()[0].isdigit():
            # only an ordered list starting at 1 may interrupt a paragraph
            item = None if item.group(0).strip()[:-1] != "1" else item
        if item:
            flush()
            current.append(_inline_markdown(line[item.end() :].strip()))
            continue
        current.append(_inline_markdown(line.strip()))
    flush()
    text = "\n\n".join(p for p in (re.sub(r"[ \t]+", " ", p).strip() for p in paragraphs) if p)
    return text, heading


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

_trafilatura_ready = False


def _trafilatura() -> Any:
    """Import trafilatura on first use and keep its log noise off the terminal.

    A broken install (e.g. lxml without its separate HTML cleaner) is a clear error with
    the command that mends it, never a silent fall-back that loses title and date.
    """
    global _trafilatura_ready
    try:
        import trafilatura
    except ImportError as err:
        raise MissingDependencyError(
            f"reading HTML needs trafilatura, which cannot be imported ({err.msg}); "
            'reinstall workbench (pip install -e .) or run: pip install "trafilatura>=2.0" '
            "lxml_html_clean"
        ) from None

    if not _trafilatura_ready:
        for name in ("trafilatura", "htmldate", "courlan", "justext"):
            logging.getLogger(name).addHandler(logging.NullHandler())
        _trafilatura_ready = True
    return trafilatura


def _markup_errors() -> tuple[type[BaseException], ...]:
    from lxml import etree

    return (etree.LxmlError, ValueError, TypeError, AttributeError, IndexError, KeyError)


_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# Page chrome trafilatura keeps on short pages (its fallback extractors are lenient).
_PRUNE_XPATH = [
    "//nav",
    "//aside",
    "//footer",
    "//header[not(ancestor::article) and not(ancestor::main)]",
]


def html_to_text(html: str, source: str = "HTML input", *, url: str | None = None) -> str:
    """Extract the main article text of an HTML page, paragraphs separated by blank lines.

    Uses trafilatura and falls back to a plain lxml text extraction when trafilatura
    finds nothing. Raises InputError when the page has no text at all.
    """
    html = _XML_DECL_RE.sub("", html, count=1)
    text = ""
    trafilatura = _trafilatura()
    try:
        extracted = trafilatura.extract(
            html,
            url=url,
            include_comments=False,
            include_tables=False,
            favor_precision=False,
            prune_xpath=_PRUNE_XPATH,
        )
    except _markup_errors():  # odd markup trafilatura cannot parse: the lxml fall-back below
        extracted = None
    if extracted:
        text = _join_lines(extracted)
    if not text:
        text = _lxml_text(html, source)
    if not text:
        if _has_visible_text(html):
            raise InputError(f"no article text found in {_stdin_name(source)}")
        raise InputError(f"{_stdin_name(source)} is empty")
    return text


_INVISIBLE_RE = re.compile(
    r"<(script|style|template|noscript)\b.*?</\1\s*>|<!--.*?(?:-->|$)|<[^>]*>?|&#?\w+;?",
    re.I | re.S,
)


def _has_visible_text(html: str) -> bool:
    """Rough check for any text outside tags, scripts, comments and entities."""
    return bool(re.search(r"\w", _INVISIBLE_RE.sub(" ", html)))


def _join_lines(extracted: str) -> str:
    lines = (" ".join(line.split()) for line in extracted.splitlines())
    return "\n\n".join(line for line in lines if line)


_SKIP_TAGS = {
    "script", "style", "noscript", "template", "head", "nav", "header", "footer",
    "aside", "form", "button", "select", "svg", "iframe", "object", "embed",
    "figure", "figcaption", "title", "meta", "link",
}  # fmt: skip
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "br", "li", "ul", "ol", "dl", "dt",
    "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "table",
    "hr", "address", "body", "html",
}  # fmt: skip
_BREAK = "\x00"


def _lxml_text(html: str, source: str) -> str:
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return ""
    etree.strip_tags(root, etree.Comment, etree.ProcessingInstruction, etree.Entity)
    etree.strip_elements(root, *_SKIP_TAGS, with_tail=False)
    parts: list[str] = []
    for event, el in etree.iterwalk(root, events=("start", "end")):
        block = isinstance(el.tag, str) and el.tag.rsplit("}", 1)[-1].lower() in _BLOCK_TAGS
        if event == "start":
            if block:
                parts.append(_BREAK)
            if el.text:
                parts.append(el.text)
        else:
            if block:
                parts.append(_BREAK)
            if el.tail and el is not root:
                parts.append(el.tail)
    paragraphs = (" ".join(p.split()) for p in "".join(parts).split(_BREAK))
    return "\n\n".join(p for p in paragraphs if p)


def _html_document(html: str, source: str, url: str | None) -> Document:
    text = html_to_text(html, source, url=url)
    meta: dict[str, str | None] = {}
    trafilatura = _trafilatura()
    try:
        found = trafilatura.extract_metadata(_XML_DECL_RE.sub("", html, count=1), url)
        if found is not None:
            meta = {
                "title": found.title,
                "outlet": found.sitename,
                "published": found.date,
                "url": found.url,
            }
    except _markup_errors():  # metadata is optional; odd markup must not stop the ingest
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
