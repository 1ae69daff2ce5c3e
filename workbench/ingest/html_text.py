"""HTML pages to article text: trafilatura finds the article in the page, lxml reads a
fragment it declines. trafilatura is imported only when HTML is processed; when it is
missing that is a clear error, never a silent fallback."""

from __future__ import annotations

import logging
import re
from typing import Any

from workbench.core.errors import InputError, MissingDependencyError
from workbench.ingest.decoding import source_name

_trafilatura_ready = False  # its loggers quietened once


def trafilatura_module() -> Any:
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


def markup_errors() -> tuple[type[BaseException], ...]:
    from lxml import etree

    return (etree.LxmlError, ValueError, TypeError, AttributeError, IndexError, KeyError)


XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
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
    html = XML_DECL_RE.sub("", html, count=1)
    text = ""
    trafilatura = trafilatura_module()
    try:
        extracted = trafilatura.extract(
            html,
            url=url,
            include_comments=False,
            include_tables=False,
            favor_precision=False,
            prune_xpath=_PRUNE_XPATH,
        )
    except markup_errors():  # odd markup trafilatura cannot parse: the lxml fall-back below
        extracted = None
    if extracted:
        text = _join_lines(extracted)
    if not text:
        text = _lxml_text(html, source)
    if not text:
        if _has_visible_text(html):
            raise InputError(f"no article text found in {source_name(source)}")
        raise InputError(f"{source_name(source)} is empty")
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
